import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { governedFields, type CompiledPolicy, type PolicyProblem, type SubjectResolvers } from '../engine/index.js';

/**
 * The protected fields whose values the department's subject entries say nobody is about: one
 * problem per type, at the type's line in the policy file. Such a field could never be granted by
 * `self` or `companySelf`, and each access to it would be recorded under no one.
 */
export function findMissingSubjects(options: {
  file: string;
  policy: CompiledPolicy;
  schema: GraphQLSchema;
  subjects: SubjectResolvers;
}): PolicyProblem[] {
  const { file, policy, schema, subjects } = options;
  const missing = new Map<string, string[]>();
  for (const { typeName, fieldName } of governedFields(schema)) {
    if (!policy.isProtected(typeName, fieldName) || subjects[typeName] || subjects[`${typeName}.${fieldName}`])
      continue;
    missing.set(typeName, [...(missing.get(typeName) ?? []), fieldName]);
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  return [...missing].map(([typeName, fields]) => {
    const index = lines.findIndex((line) => new RegExp(`^\\s+${typeName}:\\s*(#.*)?$`).test(line));
    return {
      file,
      line: index >= 0 ? index + 1 : 1,
      column: index >= 0 ? lines[index]!.indexOf(typeName) + 1 : 1,
      message: `${typeName} has protected fields (${fields.join(', ')}) but its department's subjects.ts names no subject for it: say whose data it is there.`,
    };
  });
}
