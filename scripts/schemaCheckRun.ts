import { buildSchema, GraphQLError, Source } from 'graphql';
import { readBaselineSchema } from './schemaCheckBaseline.js';
import { findSchemaChanges, type SchemaChange } from './schemaCheckChanges.js';
import { readSchemaChangelog } from './schemaCheckChangelog.js';
import { composeApiSchema } from './schemaCheckCompose.js';
import { formatLocatedError } from './schemaCheckLocation.js';
import { validateOperations } from './schemaCheckOperations.js';

export interface SchemaCheckOptions {
  /** A git revision whose schema.graphql is the baseline, instead of the file in the folder. */
  base?: string;
}

export interface SchemaCheckResult {
  /** Whether the graph may ship: no problem and every breaking change acknowledged. */
  passed: boolean;
  /** What stops the check before or beside the comparison, each as `file:line:column: message`. */
  problems: string[];
  breaking: (SchemaChange & { acknowledged: boolean })[];
  /** Printed for a reviewer's attention; they never fail the check. */
  dangerous: SchemaChange[];
}

/**
 * `npm run schema:check` on the folder `root` (the repository, or a copy of it in tests): composes
 * the subgraph schemas, compares the public API schema with the committed schema.graphql (in the
 * folder, or at `options.base`), looks up each breaking change in docs/schema-changes.md and
 * validates the portal's operations against the new schema. Composition problems end the check
 * early: there is no new schema to compare.
 */
export async function runSchemaCheck(root: string, options: SchemaCheckOptions = {}): Promise<SchemaCheckResult> {
  const composed = composeApiSchema(root);
  if (!composed.ok) return { passed: false, problems: composed.problems, breaking: [], dangerous: [] };
  const next = new Source(composed.apiSchemaSdl, 'composed API schema');
  const committed = readBaselineSchema(root, options.base);

  let changes: SchemaChange[];
  try {
    changes = await findSchemaChanges(committed, next);
  } catch (error) {
    // Only the baseline can fail to build here: the composed schema was just printed by graphql-js.
    if (error instanceof GraphQLError)
      return { passed: false, problems: [formatLocatedError(error, committed.name)], breaking: [], dangerous: [] };
    throw error;
  }

  const changelog = readSchemaChangelog(root);
  const breaking = changes
    .filter((change) => change.level === 'BREAKING')
    .map((change) => ({ ...change, acknowledged: changelog.acknowledged.has(change.coordinate) }));
  const dangerous = changes.filter((change) => change.level === 'DANGEROUS');
  const problems = [...changelog.malformed, ...validateOperations(root, buildSchema(next))];
  const passed = problems.length === 0 && breaking.every((change) => change.acknowledged);
  return { passed, problems, breaking, dangerous };
}
