/**
 * `npm run policy:explain [department...]`: prints, as Markdown, who may see each field of
 * each department (or only those named), computed from the policy files exactly as the
 * subgraphs enforce them. Refuses to explain files that fail `npm run policy:check`.
 */
import { relative, resolve } from 'node:path';
import { DEPARTMENT_SETTINGS as SUBGRAPHS } from '../registry/departments.js';
import { checkPolicies } from '../subgraphs/kit/privacy/checkPolicies.js';
import { explainPolicy } from '../subgraphs/kit/privacy/explainPolicy.js';
import { renderExplanation } from '../subgraphs/kit/privacy/renderExplanation.js';
import { departmentSubjects } from './departmentSubjects.js';

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !SUBGRAPHS.some((entry) => entry.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown department ${unknown.join(', ')}: choose from ${SUBGRAPHS.map((entry) => entry.name).join(', ')}.`,
  );
  process.exit(2);
}
const chosen = SUBGRAPHS.filter((entry) => wanted.length === 0 || wanted.includes(entry.name));
const departments = await Promise.all(
  chosen.map(async ({ name, schemaFile }) => ({ name, schemaFile, subjects: await departmentSubjects(name) })),
);
// PRIVACY_DIR, as policy:check and the subgraphs read it.
const check = checkPolicies({
  departments,
  ...(process.env.PRIVACY_DIR ? { policyFolder: resolve(process.env.PRIVACY_DIR) } : {}),
});
if (!check.ok || !check.registry) {
  for (const { problems } of check.files) {
    for (const problem of problems)
      console.error(`${relative(process.cwd(), problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
  }
  console.error('The policy files have problems (above); fix them before explaining.');
  process.exit(1);
}
process.stdout.write(renderExplanation(explainPolicy({ registry: check.registry, departments: check.policies })));
