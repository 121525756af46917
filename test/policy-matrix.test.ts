import { CODE_ROOT } from '../core/repositoryRoot.js';
import {
  getNamedType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_DEPARTMENT_NAMES } from '../registry/departments.js';
import { CALLER_TOKEN_HEADER, signCallerToken, type Caller } from '../subgraphs/kit/index.js';
import {
  isFederationField,
  loadDepartmentSchema,
  loadPolicy,
  loadPolicyTests,
  loadRegistry,
  PROFILE_IDS,
  type CompiledPolicy,
  type PolicyRegistry,
  type PolicyTestCase,
  type Subject,
} from '../policy/index.js';
import { startStack, type DepartmentName, type Stack } from './harness.js';

/**
 * The privacy officers' policy tests, replayed against the running graph: for every case in
 * privacy/tests/*.yaml (which cover every caller profile `npm run policy:explain` shows), every
 * field the department serves on a person or a company is asked for through its subgraph (as the
 * gateway asks, with its signed caller token), and the answer must be what the case expects —
 * allowed, masked or denied with FORBIDDEN. `npm run policy:test` checks the same cases against
 * the policy files; this checks that enforcement agrees. No expectation is written here.
 */

const DEPARTMENTS: readonly DepartmentName[] = LEGACY_DEPARTMENT_NAMES;
/** Types whose values are about the same subject as the entity they hang off: asked for in depth. */
const SAME_SUBJECT_TYPES = new Set([
  'TaxProfile',
  'TaxFiling',
  'IncomeTaxReturn',
  'SocialSecurityAccount',
  'Contribution',
  'EmployerAccount',
]);
const ARGUMENTS: Record<string, string> = { year: '2025', from: '"2025-01"', to: '"2025-03"', first: '5' };

let stack: Stack;
let registry: PolicyRegistry;
let cases: PolicyTestCase[] = [];
const policies = new Map<DepartmentName, CompiledPolicy>();
const schemas = new Map<DepartmentName, GraphQLSchema>();

beforeAll(async () => {
  stack = await startStack();
  const testsFolder = `${CODE_ROOT}/privacy/tests`;
  const loaded = loadRegistry(`${CODE_ROOT}/privacy/roles.yaml`);
  if (!loaded.ok) throw new Error('roles.yaml fails the check');
  registry = loaded.registry;
  for (const department of DEPARTMENTS) {
    const schema = loadDepartmentSchema(department);
    const result = loadPolicy({ file: `${CODE_ROOT}/privacy/${department}.yaml`, department, schema, registry });
    if (!result.ok) throw new Error(`${department}.yaml fails the check`);
    policies.set(department, result.policy);
    schemas.set(department, schema);
  }
  // The expected outcomes are the privacy officers' YAML cases (npm run policy:test): one place for them.
  cases = readdirSync(testsFolder)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => loadPolicyTests(`${testsFolder}/${name}`, registry))
    .flatMap((file) => file.cases)
    .filter((testCase) => (DEPARTMENTS as readonly string[]).includes(testCase.department));
});
afterAll(async () => {
  await stack?.close();
});

interface Selected {
  field: string;
  typeName: string;
  children: Selected[] | null;
}

/** Every field of a type, with same-subject objects expanded; other objects only by __typename. */
function selectionOf(type: GraphQLObjectType, depth = 0): Selected[] {
  return Object.values(type.getFields())
    .filter((field) => !isFederationField(type.name, field.name))
    .map((field: GraphQLField<unknown, unknown>) => {
      const named = getNamedType(field.type);
      const expand = isObjectType(named) && SAME_SUBJECT_TYPES.has(named.name) && depth < 3;
      return {
        field: field.name,
        typeName: type.name,
        children: isLeafType(named) ? null : expand ? selectionOf(named as GraphQLObjectType, depth + 1) : [],
      };
    });
}

function print(selection: readonly Selected[], type: GraphQLObjectType): string {
  return selection
    .map((item) => {
      const field = type.getFields()[item.field]!;
      const args = field.args.filter((arg) => ARGUMENTS[arg.name]).map((arg) => `${arg.name}: ${ARGUMENTS[arg.name]}`);
      const head = `${item.field}${args.length ? `(${args.join(', ')})` : ''}`;
      if (item.children === null) return head;
      const named = getNamedType(field.type) as GraphQLObjectType;
      return `${head} { __typename ${print(item.children, named)} }`;
    })
    .join(' ');
}

/** The case's caller and subjects with real IDs from the data set in place of the synthetic ones. */
function realCase(testCase: PolicyTestCase, ids: Record<string, string>): { caller: Caller; subjects: Subject[] } {
  const real = (id: string) => ids[id] ?? id;
  const caller =
    testCase.caller.kind === 'anonymous' ? testCase.caller : { ...testCase.caller, sub: real(testCase.caller.sub) };
  return { caller, subjects: testCase.subjects.map((subject) => ({ ...subject, id: real(subject.id) })) };
}

type GraphError = { path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> };

function checkAnswer(
  value: Record<string, unknown> | null,
  selection: readonly Selected[],
  path: (string | number)[],
  errors: readonly GraphError[],
  expectOf: (typeName: string, field: string) => string | null,
  failures: string[],
  counter: { checked: number },
) {
  if (value === null) return;
  for (const item of selection) {
    const here = [...path, item.field];
    const key = here.join('.');
    const expected = expectOf(item.typeName, item.field);
    const forbidden = errors.find((error) => error.path?.join('.') === key && error.extensions?.code === 'FORBIDDEN');
    const actual = value[item.field];
    if (expected !== null) counter.checked++;
    if (expected === null) {
      // The case says nothing about this field; what it says about the fields below still counts.
    } else if (expected === 'deny') {
      if (actual !== null || forbidden?.extensions?.field !== `${item.typeName}.${item.field}`)
        failures.push(`${key}: expected denied, got ${JSON.stringify(actual)?.slice(0, 60)}`);
      continue;
    }
    if (expected !== null && forbidden) failures.push(`${key}: expected ${expected}, got FORBIDDEN`);
    if (expected === 'mask' && (typeof actual !== 'string' || !actual.includes('*')))
      failures.push(`${key}: expected masked, got ${JSON.stringify(actual)}`);
    if (item.children && actual !== null && actual !== undefined) {
      const items = Array.isArray(actual) ? actual : [actual];
      items.forEach((child, index) =>
        checkAnswer(
          child as Record<string, unknown>,
          item.children!,
          Array.isArray(actual) ? [...here, index] : here,
          errors,
          expectOf,
          failures,
          counter,
        ),
      );
    }
  }
}

describe('the running graph against the policy tests', () => {
  it('answers every field as each case of privacy/tests/*.yaml expects', async () => {
    const { fixtures } = stack.dataSet;
    const ids: Record<string, string> = {
      [PROFILE_IDS.resident]: fixtures.employeeShareholder,
      [PROFILE_IDS.otherResident]: fixtures.multiRepresentative,
      [PROFILE_IDS.company]: fixtures.companyInArrears,
      [PROFILE_IDS.otherCompany]: fixtures.companyWithTwoShareholders,
      [PROFILE_IDS.officer]: 'staff-42',
    };
    const failures: string[] = [];
    const counter = { checked: 0 };
    for (const testCase of cases) {
      const department = testCase.department as DepartmentName;
      const schema = schemas.get(department)!;
      const { caller, subjects } = realCase(testCase, ids);
      const expected = new Map(
        testCase.expectations.map((item) => [`${item.typeName}.${item.fieldName}`, item.expected.effect]),
      );
      const token = await signCallerToken(caller, { key: stack.gatewayKeys.privateKey, department });
      for (const entity of ['Person', 'Company'] as const) {
        const type = schema.getType(entity);
        if (!isObjectType(type)) continue;
        // A citizen's "own" data is a person, a company's a company.
        if (testCase.whose === 'own' && (entity === 'Person') !== (testCase.caller.kind === 'person')) continue;
        const subject = subjects.find((candidate) => candidate.kind === (entity === 'Person' ? 'person' : 'company'))!;
        const representation =
          entity === 'Person' ? { __typename: 'Person', id: subject.id } : { __typename: 'Company', uscc: subject.id };
        const selection = selectionOf(type);
        const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${entity} { ${print(selection, type)} } } }`;
        const response = await fetch(`${stack.subgraphs[department].url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CALLER_TOKEN_HEADER]: token },
          body: JSON.stringify({ query, variables: { r: [representation] } }),
        });
        const body = (await response.json()) as {
          data?: { _entities: Array<Record<string, unknown> | null> };
          errors?: GraphError[];
        };
        const where = `${department} ${entity} as ${testCase.label} (${testCase.file}:${testCase.line})`;
        const unexpected = (body.errors ?? []).filter((error) => error.extensions?.code !== 'FORBIDDEN');
        expect(unexpected, where).toEqual([]);
        const before = failures.length;
        checkAnswer(
          body.data!._entities[0]!,
          selection,
          ['_entities', 0],
          body.errors ?? [],
          (typeName, field) => expected.get(`${typeName}.${field}`) ?? null,
          failures,
          counter,
        );
        if (failures.length > before) failures.splice(before, 0, `-- ${where}:`);
      }
    }
    expect(failures).toEqual([]);
    expect(counter.checked).toBeGreaterThan(500);
  });

  it('lets a citizen look up only themselves by ID, as the policy says for Query.person', async () => {
    const policy = policies.get('social')!;
    const { fixtures } = stack.dataSet;
    for (const [id, whose] of [
      [fixtures.employeeShareholder, 'own'],
      [fixtures.multiRepresentative, 'other'],
    ] as const) {
      const caller = {
        kind: 'person' as const,
        sub: fixtures.employeeShareholder,
        roles: [],
        azp: null,
        purpose: null,
      };
      const expected = policy.decide('Query', 'person', { caller, subjects: [{ kind: 'person', id }] }).effect;
      const response = await stack.query(`{ person(id: "${id}") { id } }`, undefined, {
        as: { kind: 'person', sub: fixtures.employeeShareholder },
      });
      expect(expected, whose).toBe(whose === 'own' ? 'allow' : 'deny');
      expect(response.data, whose).toEqual({ person: expected === 'allow' ? { id } : null });
    }
  });
});
