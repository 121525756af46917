/**
 * `npm run policy:can -- --kind officer --roles tax-officer --purpose tax-audit --field Person.incomeTax [--self] [--department tax]`:
 * may this caller see this field of someone else's data (or, with --self, their own), and why?
 * Prints the decision (allow, mask <style>, deny) and the rule that made it, line by line, with the
 * files and lines it is written at. The decision is the compiled policy's own `decide`, what the
 * department's subgraph enforces with. Exit 0 with an answer; 2 with a coded message for a bad question.
 */
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import {
  checkPolicies,
  didYouMean,
  explainDecision,
  governedFields,
  keyFieldsOf,
  describeDecision,
  syntheticCaller,
  syntheticSubjects,
  type CallerKindName,
} from '../policy/index.js';
import { policyDepartments } from './departmentSubjects.js';

const USAGE =
  'usage: npm run policy:can -- --kind anonymous|person|company|officer [--roles a,b] [--purpose p] --field Type.field [--self] [--department d]';
const KINDS = ['anonymous', 'person', 'company', 'officer'] as const;

/** A bad question: a stable code first (for scripts), then what to do, then the usage. */
function fail(code: string, message: string): never {
  process.stderr.write(`policy:can: ${code}: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      kind: { type: 'string' },
      roles: { type: 'string' },
      purpose: { type: 'string' },
      field: { type: 'string' },
      self: { type: 'boolean', default: false },
      department: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail('BAD_ARGUMENT', (error as Error).message);
}
const { kind, roles: rolesText, purpose, field, self, department } = values;
if (!kind || !(KINDS as readonly string[]).includes(kind))
  fail('BAD_KIND', `--kind must be one of ${KINDS.join(', ')}.${kind ? didYouMean(kind, KINDS) : ''}`);
if (!field || !/^[A-Za-z_]\w*\.[A-Za-z_]\w*$/.test(field))
  fail('BAD_FIELD', '--field is Type.field, e.g. Person.incomeTax');
const roles = (rolesText ?? '')
  .split(',')
  .map((role) => role.trim())
  .filter(Boolean);
if (roles.length > 0 && kind !== 'officer') fail('ROLES_NOT_OFFICER', '--roles is for officers only');
if (self && (kind === 'anonymous' || kind === 'officer'))
  fail('SELF_NOT_SUBJECT', '--self needs --kind person or company: only they have data of their own here');

const check = checkPolicies({
  departments: policyDepartments(),
  ...(process.env.PRIVACY_DIR ? { policyFolder: resolve(process.env.PRIVACY_DIR) } : {}),
});
if (!check.ok || !check.registry) {
  for (const { problems } of check.files)
    for (const problem of problems)
      console.error(`${relative(process.cwd(), problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
  fail('POLICY_INVALID', 'the policy files fail npm run policy:check (above); fix them first');
}
const registry = check.registry;
for (const role of roles)
  if (!registry.roles.has(role))
    fail('UNKNOWN_ROLE', `'${role}' is not in privacy/roles.yaml.${didYouMean(role, registry.roles.keys())}`);
if (purpose !== undefined && !registry.purposes.has(purpose))
  fail('UNKNOWN_PURPOSE', `'${purpose}' is not in privacy/roles.yaml.${didYouMean(purpose, registry.purposes.keys())}`);

const [typeName, fieldName] = field.split('.') as [string, string];
const owners = check.policies.filter(
  ({ schema }) =>
    governedFields(schema).some((candidate) => candidate.typeName === typeName && candidate.fieldName === fieldName) ||
    keyFieldsOf(schema).get(typeName)?.has(fieldName) === true,
);
if (owners.length === 0) {
  const all = check.policies.flatMap(({ schema }) =>
    governedFields(schema).map((candidate) => `${candidate.typeName}.${candidate.fieldName}`),
  );
  fail('UNKNOWN_FIELD', `no department serves ${field}.${didYouMean(field, all)}`);
}
const owner = department ? owners.find((entry) => entry.department === department) : owners[0];
if (!owner)
  fail(
    'UNKNOWN_DEPARTMENT',
    `${field} is served by ${owners.map((entry) => entry.department).join(', ')}, not '${department}'`,
  );

const caller = syntheticCaller(kind as CallerKindName, roles, purpose ?? null);
const whose = self ? 'own' : 'other';
const explained = explainDecision(owner.policy, typeName, fieldName, {
  caller,
  subjects: syntheticSubjects(caller, whose),
});
const who =
  kind === 'officer'
    ? `an officer with ${roles.length > 0 ? `role ${roles.join(', ')}` : 'no role'}`
    : `a ${kind === 'anonymous' ? 'anonymous caller' : kind}`;
console.log(
  `${describeDecision(explained.decision)}: ${field} (${owner.department}) for ${who}, ${purpose ? `purpose ${purpose}` : 'no purpose'}, ${whose === 'own' ? 'their own data' : "someone else's data"}`,
);
for (const line of explained.reason) console.log(`  ${line}`);
