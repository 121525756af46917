import { CODE_ROOT } from '../../core/repositoryRoot.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import type { Department } from '../../core/errors.js';
import { loadDepartmentSchema, loadPolicy, loadRegistry, loadSharedRules, SHARED_RULES_FILE } from '../load/index.js';
import type { CheckedFile, CompiledPolicy, PolicyRegistry, SubjectResolvers } from '../engine/index.js';
import { findMissingSubjects } from './findMissingSubjects.js';
import { findUnknownFiles } from './findUnknownFiles.js';

export interface PolicyCheck {
  ok: boolean;
  /** roles.yaml first, then rules.yaml, then each department's file in the order given, then unknown files. */
  files: CheckedFile[];
  registry: PolicyRegistry | null;
  /** The departments whose files passed, compiled, with the schema each was checked against. */
  policies: Array<{
    department: Department;
    policy: CompiledPolicy;
    schema: GraphQLSchema;
    subjects?: SubjectResolvers;
  }>;
}

export interface CheckPoliciesOptions {
  /** The departments to check: their names and SDL files relative to the root (gateway/subgraphList.ts). */
  departments: ReadonlyArray<{ name: Department; schemaFile: string; subjects?: SubjectResolvers }>;
  root?: string;
  /** Where the policy files are, relative to the root. */
  policyFolder?: string;
  /**
   * Refuse a file in the policy folder that is none of the known ones (roles.yaml, rules.yaml,
   * the departments' files, README.md, tests/): a stray `health.yaml` would otherwise be ignored
   * silently. Only meaningful when `departments` lists every department.
   */
  refuseUnknownFiles?: boolean;
}

/**
 * What `npm run policy:check` does: reads privacy/roles.yaml, then checks each department's
 * `privacy/<department>.yaml` against that department's subgraph schema (a missing file is a
 * problem), telling each file where another department owns a field it names; given the
 * departments' subject entries, it also fails a type with protected fields that names no subject.
 */
export function checkPolicies({
  departments,
  root = CODE_ROOT,
  policyFolder = 'privacy',
  refuseUnknownFiles = false,
}: CheckPoliciesOptions): PolicyCheck {
  const folder = resolve(root, policyFolder);
  const unknownFiles: CheckedFile[] = refuseUnknownFiles
    ? findUnknownFiles(
        folder,
        departments.map(({ name }) => name),
      )
    : [];
  const registryFile = join(folder, 'roles.yaml');
  const registryResult = loadRegistry(registryFile);
  const files: CheckedFile[] = [
    { file: registryFile, department: null, problems: registryResult.ok ? [] : registryResult.problems },
  ];
  if (!registryResult.ok) {
    // Without the registry no role or purpose can be checked; say so per file rather than guess.
    for (const { name } of departments) {
      const file = join(folder, `${name}.yaml`);
      files.push({
        file,
        department: name,
        problems: [{ file, line: 1, column: 1, message: 'Not checked: roles.yaml has problems (see above).' }],
      });
    }
    return { ok: false, files: [...files, ...unknownFiles], registry: null, policies: [] };
  }
  const sharedFile = join(folder, SHARED_RULES_FILE);
  const sharedResult = loadSharedRules(sharedFile, registryResult.registry);
  if (existsSync(sharedFile))
    files.push({ file: sharedFile, department: null, problems: sharedResult.ok ? [] : sharedResult.problems });
  if (!sharedResult.ok) {
    for (const { name } of departments) {
      const file = join(folder, `${name}.yaml`);
      files.push({
        file,
        department: name,
        problems: [
          { file, line: 1, column: 1, message: `Not checked: ${SHARED_RULES_FILE} has problems (see above).` },
        ],
      });
    }
    return { ok: false, files: [...files, ...unknownFiles], registry: registryResult.registry, policies: [] };
  }
  const schemas = departments.map(({ name, schemaFile, subjects }) => ({
    department: name,
    schema: loadDepartmentSchema(name, join(root, schemaFile)),
    subjects,
  }));
  const policies: PolicyCheck['policies'] = [];
  for (const { department, schema, subjects } of schemas) {
    const file = join(folder, `${department}.yaml`);
    const result = loadPolicy({
      file,
      department,
      schema,
      registry: registryResult.registry,
      sharedRules: sharedResult.shared,
      otherDepartments: schemas,
    });
    // A protected field about nobody would be decided without `self`/`companySelf` and recorded under no one.
    const problems = result.ok
      ? subjects
        ? findMissingSubjects({ file, policy: result.policy, schema, subjects })
        : []
      : result.problems;
    files.push({ file, department, problems });
    if (result.ok && problems.length === 0) policies.push({ department, policy: result.policy, schema, subjects });
  }
  files.push(...unknownFiles);
  return { ok: files.every((file) => file.problems.length === 0), files, registry: registryResult.registry, policies };
}
