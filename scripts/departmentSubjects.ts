import type { SubjectResolvers } from '../subgraphs/kit/index.js';

/** A department's subject entries, from the `subjects` export of subgraphs/<department>/subjects.ts. */
export async function departmentSubjects(department: string): Promise<SubjectResolvers> {
  const module = (await import(`../subgraphs/${department}/subjects.js`)) as { subjects: SubjectResolvers };
  return module.subjects;
}
