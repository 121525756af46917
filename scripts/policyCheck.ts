/**
 * `npm run policy:check`: checks privacy/roles.yaml and every department's policy file against
 * its subgraph schema. Prints `file:line:column: message` for each problem and exits 1, or one
 * OK line per file and exits 0. Then warns (without failing) about each grant no query path lets
 * its caller use, naming the fields that would lead there. See privacy/README.md.
 */
import { relative, resolve } from 'node:path';
import { checkPolicies, findUnreachableGrants } from '../policy/index.js';
import { policyDepartments } from './departmentSubjects.js';

// PRIVACY_DIR points at policy files kept elsewhere (a deployment's own copy); paths in them stay as given.
const check = checkPolicies({
  refuseUnknownFiles: true,
  departments: policyDepartments(),
  ...(process.env.PRIVACY_DIR ? { policyFolder: resolve(process.env.PRIVACY_DIR) } : {}),
});
const shown = (file: string) => relative(process.cwd(), file) || file;

for (const { file, problems } of check.files) {
  if (problems.length === 0) {
    console.log(`OK ${shown(file)}`);
    continue;
  }
  for (const problem of problems)
    console.log(`${shown(problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
}
// A grant no query path lets its caller use is a warning, not a failure: the policy is still safe, only not what was meant.
if (check.ok && check.registry) {
  const warnings = findUnreachableGrants({
    registry: check.registry,
    departments: check.policies,
  });
  for (const warning of warnings)
    console.log(`${shown(warning.file)}:${warning.line}:${warning.column}: warning: ${warning.message}`);
}
if (!check.ok) {
  const count = check.files.reduce((sum, file) => sum + file.problems.length, 0);
  console.error(
    `${count} problem${count === 1 ? '' : 's'}: fix ${count === 1 ? 'it' : 'them'} and run npm run policy:check again.`,
  );
  process.exitCode = 1;
}
