/**
 * `npm run schema:describe`: writes the "Who may see it:" line of every governed field's
 * description in each department's subgraph schema from the privacy policy (privacy/*.yaml, read
 * through the engine: scripts/schemaDescribeLines.ts), then recomposes (npm run compose) and
 * regenerates the typed code (npm run codegen), so a policy change reaches the public schema in
 * one command. `-- --check` changes nothing and exits 1 when a line is stale (test/schema-descriptions.test.ts
 * checks the same). Prints the public schema's description coverage.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchema } from 'graphql';
import { CODE_ROOT } from '../core/repositoryRoot.js';
import { descriptionCoverage, rewriteVisibility, visibilityLines } from './schemaDescribeLines.js';

let check = false;
try {
  check = parseArgs({ options: { check: { type: 'boolean' } }, strict: true }).values.check ?? false;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: npm run schema:describe [-- --check]\n`);
  process.exit(2);
}

const result = await visibilityLines();
if (!result.ok) {
  for (const problem of result.problems) process.stderr.write(`${problem}\n`);
  process.stderr.write('The policy files have problems (above): fix them (npm run policy:check) before describing.\n');
  process.exit(1);
}

const stale: string[] = [];
for (const { schemaFile, lines } of result.departments) {
  const file = join(CODE_ROOT, schemaFile);
  const before = readFileSync(file, 'utf8');
  const after = rewriteVisibility(before, lines);
  if (after === before) continue;
  stale.push(schemaFile);
  if (!check) writeFileSync(file, after);
}

if (check) {
  if (stale.length > 0) {
    process.stderr.write(
      `Stale "Who may see it:" lines in ${stale.join(', ')}: run npm run schema:describe (it recomposes and regenerates).\n`,
    );
    process.exit(1);
  }
  process.stdout.write('Every governed field says who may see it, as the policy decides.\n');
} else {
  process.stdout.write(stale.length > 0 ? `rewrote ${stale.join(', ')}\n` : 'subgraph schemas already up to date\n');
  for (const script of ['compose', 'codegen']) {
    const run = spawnSync('npm', ['run', '--silent', script], { cwd: CODE_ROOT, stdio: 'inherit' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

const coverage = descriptionCoverage(buildSchema(readFileSync(join(CODE_ROOT, 'schema.graphql'), 'utf8')));
const { types, fields, arguments: args, enumValues } = coverage.totals;
process.stdout.write(
  `schema.graphql: ${types} types, ${fields} fields, ${args} arguments, ${enumValues} enum values; ` +
    `${coverage.missing.length === 0 ? 'all described' : `no description: ${coverage.missing.join(', ')}`}\n`,
);
