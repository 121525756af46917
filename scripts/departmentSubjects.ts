import { DEPARTMENT_MODULES } from '../registry/departmentModules.js';
import { DEPARTMENT_SETTINGS, type Department, type DepartmentSettings } from '../registry/departments.js';
import type { SubjectResolvers } from '../subgraphs/kit/index.js';

/** A department's subject entries: its definition's `subjects` (subgraphs/<department>/subjects.ts). */
export function departmentSubjects(department: Department): SubjectResolvers {
  return DEPARTMENT_MODULES[department].subjects;
}

/** What the policy tools check each department by: its name, its SDL file and its subjects (all, or those given). */
export function policyDepartments(
  chosen: readonly DepartmentSettings[] = DEPARTMENT_SETTINGS,
): { name: Department; schemaFile: string; subjects: SubjectResolvers }[] {
  return chosen.map(({ name, schemaFile }) => ({ name, schemaFile, subjects: departmentSubjects(name) }));
}
