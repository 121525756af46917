/**
 * `npm run policy:explain [department...]`: prints, as Markdown, who may see each field of
 * each department (or only those named), computed from the policy files exactly as the
 * subgraphs enforce them. Refuses to explain files that fail `npm run policy:check`.
 *
 * `npm run policy:explain -- --diff <git-ref> [department...]`: what changes for whom, field by
 * field, between the policy committed at that ref and the files here (docs/privacy-workbench.md).
 */
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { DEPARTMENT_SETTINGS as SUBGRAPHS } from '../registry/departments.js';
import {
  checkPolicies,
  type PolicyCheck,
  diffExplanations,
  renderPolicyDiff,
  explainPolicy,
  readCommittedPolicy,
  renderExplanation,
} from '../policy/index.js';
import { policyDepartments } from './departmentSubjects.js';

let values: { diff?: string };
let wanted: string[];
try {
  ({ values, positionals: wanted } = parseArgs({
    options: { diff: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run policy:explain -- [--diff <git-ref>] [department...]`);
  process.exit(2);
}
const unknown = wanted.filter((name) => !SUBGRAPHS.some((entry) => entry.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown department ${unknown.join(', ')}: choose from ${SUBGRAPHS.map((entry) => entry.name).join(', ')}.`,
  );
  process.exit(2);
}
const chosen = SUBGRAPHS.filter((entry) => wanted.length === 0 || wanted.includes(entry.name));
const departments = policyDepartments(chosen);
// PRIVACY_DIR, as policy:check and the subgraphs read it.
const check = checkPolicies({
  departments,
  ...(process.env.PRIVACY_DIR ? { policyFolder: resolve(process.env.PRIVACY_DIR) } : {}),
});
refuseFailing(check, 'The policy files have problems (above); fix them before explaining.');
const now = explainPolicy({ registry: check.registry!, departments: check.policies });

if (values.diff === undefined) {
  process.stdout.write(renderExplanation(now));
} else {
  const committed = readCommittedPolicy(values.diff, { departments: chosen });
  if (!committed.ok) {
    console.error(`policy:explain --diff: ${committed.code}: ${committed.message}`);
    process.exit(2);
  }
  refuseFailing(
    committed.check,
    `The policy committed at ${values.diff} fails the check of its time (above): it cannot be compared.`,
  );
  const before = explainPolicy({ registry: committed.check.registry!, departments: committed.check.policies });
  process.stdout.write(
    renderPolicyDiff(diffExplanations(before, now), `${values.diff} (${committed.sha.slice(0, 12)})`, 'the files here'),
  );
}

function refuseFailing(result: PolicyCheck, message: string): void {
  if (result.ok && result.registry) return;
  for (const { problems } of result.files) {
    for (const problem of problems)
      console.error(`${relative(process.cwd(), problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
  }
  console.error(message);
  process.exit(1);
}
