/**
 * `npm run schema:check [-- --root <folder>]`: composes the subgraphs and refuses a public API
 * change that would break the portal unless docs/schema-changes.md acknowledges it (README,
 * "Changing the graph"). `--root` checks another copy of the repository; tests use it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderSchemaCheckReport } from './schemaCheckReport.js';
import { runSchemaCheck } from './schemaCheckRun.js';

const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const result = await runSchemaCheck(values.root === undefined ? REPOSITORY_ROOT : resolve(values.root));
(result.passed ? process.stdout : process.stderr).write(renderSchemaCheckReport(result));
process.exitCode = result.passed ? 0 : 1;
