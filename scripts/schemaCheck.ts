/**
 * `npm run schema:check [-- --root <folder>] [--base <git revision>]`: composes the subgraphs and
 * refuses a public API change that would break the portal unless docs/schema-changes.md
 * acknowledges it (README, "Changing the graph"). `--root` checks another copy of the repository
 * (tests use it); `--base` compares with schema.graphql as committed at that revision.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_ROOT } from '../core/repositoryRoot.js';
import { renderSchemaCheckReport } from './schemaCheckReport.js';
import { runSchemaCheck } from './schemaCheckRun.js';

/** Distinct from 1 (the schema fails the check), so CI can tell a broken setup from a refused change. */
const CANNOT_RUN_EXIT_CODE = 2;

const { values } = parseArgs({ options: { root: { type: 'string' }, base: { type: 'string' } } });
const root = values.root === undefined ? CODE_ROOT : resolve(values.root);
try {
  const result = await runSchemaCheck(root, { base: values.base });
  (result.passed ? process.stdout : process.stderr).write(renderSchemaCheckReport(result));
  process.exitCode = result.passed ? 0 : 1;
} catch (error) {
  // The check could not run (a missing file, an unknown revision): say so without a stack trace.
  process.stderr.write(`schema:check could not run: ${(error as Error).message}\n`);
  process.exitCode = CANNOT_RUN_EXIT_CODE;
}
