/**
 * `npm run policy:test`: runs the privacy officers' policy tests (privacy/tests/*.yaml) against the
 * policy files, deciding each case with the compiled policy the subgraphs enforce with. Prints
 * `file:line:column: message` for each failed expectation (with the rule that decided), each
 * problem in a test file, and each caller profile of policy:explain a department's fields lack a
 * case for; exits 1 if there is any, else prints one OK line per test file. See docs/privacy-workbench.md.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_PRIVACY_DIR } from '../core/index.js';
import { checkPolicies, loadPolicyTests, runPolicyTests } from '../policy/index.js';
import { policyDepartments } from './departmentSubjects.js';

// PRIVACY_DIR, as policy:check and the subgraphs read it.
const folder = resolve(process.env.PRIVACY_DIR ?? DEFAULT_PRIVACY_DIR);
const shown = (file: string) => relative(process.cwd(), file) || file;
const check = checkPolicies({
  departments: policyDepartments(),
  policyFolder: folder,
});
if (!check.ok || !check.registry) {
  for (const { problems } of check.files)
    for (const problem of problems)
      console.error(`${shown(problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
  console.error('The policy files fail npm run policy:check (above): fix them before testing.');
  process.exit(1);
}
const testsFolder = join(folder, 'tests');
let names: string[] = [];
try {
  names = readdirSync(testsFolder).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'));
} catch {
  // No tests folder: every department's coverage gap below says what to write.
}
const registry = check.registry;
const files = names.sort().map((name) => loadPolicyTests(join(testsFolder, name), registry));
const run = runPolicyTests({ files, registry, policies: check.policies, testsFolder });
for (const problem of [...run.failures, ...run.gaps])
  console.log(`${shown(problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
for (const file of files) {
  if (![...run.failures, ...run.gaps].some((problem) => problem.file === file.file))
    console.log(
      `OK ${shown(file.file)} (${file.cases.length} cases, ${file.cases.reduce((sum, testCase) => sum + testCase.expectations.length, 0)} expectations)`,
    );
}
const failed = run.failures.length + run.gaps.length;
console.log(
  `${run.passed} of ${run.expectations} expectations hold in ${run.cases} cases${failed > 0 ? `; ${run.failures.length} failure${run.failures.length === 1 ? '' : 's'}, ${run.gaps.length} gap${run.gaps.length === 1 ? '' : 's'} in coverage` : ''}.`,
);
if (failed > 0) process.exitCode = 1;
