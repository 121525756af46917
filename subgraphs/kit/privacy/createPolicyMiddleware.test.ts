import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../../../core/caller.js';
import { departmentUnavailable } from '../../../core/errors.js';
import { loadPolicy, defineSubjects, type CompiledPolicy, type DecisionEvent } from '../../../policy/index.js';
import {
  buildTestSchema,
  callers,
  TEST_REGISTRY,
  TEST_SDL,
  tempFolder,
  VALID_POLICY,
} from '../../../policy/testing/policyFixtures.js';
import { loadDataSet } from '../../../legacy-mocks/data/index.js';
import { createPolicyMiddleware } from './createPolicyMiddleware.js';

const folder = tempFolder();
// Subjects must be well-formed resident IDs and USCCs: three from the deterministic data set.
const { fixtures } = loadDataSet();
const P1 = fixtures.multiRepresentative;
const C1 = fixtures.companyInArrears;
const C2 = fixtures.revokedCompany;
afterAll(() => folder.remove());

function policyFrom(name: string, yaml: string): CompiledPolicy {
  const result = loadPolicy({
    file: folder.write(name, yaml),
    department: 'tax',
    schema: buildTestSchema(),
    registry: TEST_REGISTRY,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

const strict = policyFrom('strict.yaml', VALID_POLICY);
const relaxed = policyFrom(
  'relaxed.yaml',
  VALID_POLICY.replace('arrears: { anyOf: [companySelf, taxOfficer] }', 'arrears: public'),
);

// Legacy calls made, by field: a denied field must make none.
let resolved: string[] = [];
const company = (uscc: string) => ({
  uscc,
  name: 'Acme Trading',
  status: 'ACTIVE',
  arrears: '1200.00',
  profile: { uscc, rating: 5 },
});
const person = (id: string) => ({ id, phone: '13812345678', phones: ['13812345678', null] });
const resolvers = {
  Query: {
    company: (_: unknown, { uscc }: { uscc: string }) => company(uscc),
    person: (_: unknown, { id }: { id: string }) => person(id),
    ranking: () => [company(C1), company(C2)],
  },
  Company: {
    __resolveReference: ({ uscc }: { uscc: string }) => company(uscc),
    arrears: (parent: { arrears: string }) => {
      resolved.push('Company.arrears');
      return parent.arrears;
    },
  },
  Person: {
    __resolveReference: ({ id }: { id: string }) => person(id),
    legacyNote: () => {
      throw departmentUnavailable('tax', 'timeout');
    },
  },
};
type TestParents = { Query: unknown; Company: { uscc: string }; Profile: { uscc: string }; Person: { id: string } };
const subjects = defineSubjects<TestParents>({
  Query: {
    about: 'the argument',
    subjects: (_parent, args) =>
      typeof args.id === 'string'
        ? [{ kind: 'person', id: args.id }]
        : typeof args.uscc === 'string'
          ? [{ kind: 'company', id: args.uscc }]
          : [],
  },
  Company: { about: 'the company', subjects: (parent) => [{ kind: 'company', id: parent.uscc }] },
  Profile: { about: 'the company', subjects: (parent) => [{ kind: 'company', id: parent.uscc }] },
  Person: { about: 'the person', subjects: (parent) => [{ kind: 'person', id: parent.id }] },
});

let current = strict;
let events: DecisionEvent[] = [];
function buildSchema(subjectResolvers = subjects): GraphQLSchema {
  const schema = buildSubgraphSchema([{ typeDefs: parse(TEST_SDL), resolvers: resolvers as never }]);
  return applyMiddleware(
    schema,
    ...createPolicyMiddleware({
      getPolicy: () => current,
      subjects: subjectResolvers,
      onDecision: (event) => events.push(event),
    }),
  );
}
const schema = buildSchema();

async function queryAs(
  caller: Caller,
  query: string,
  variables?: Record<string, unknown>,
  on = schema,
): Promise<ExecutionResult> {
  return (await execute({
    schema: on,
    document: parse(query),
    variableValues: variables,
    contextValue: { caller, requestId: 'test', loaders: {} },
  })) as ExecutionResult;
}

const auditor = callers.officer(['tax-officer'], 'tax-audit');

beforeEach(() => {
  current = strict;
  resolved = [];
  events = [];
});

describe('the policy shield', () => {
  it('returns a public field to an anonymous caller', async () => {
    const result = await queryAs(ANONYMOUS, `{ company(uscc: "${C1}") { uscc name } }`);
    expect(result).toEqual({ data: { company: { uscc: `${C1}`, name: 'Acme Trading' } } });
  });

  it('nulls a denied field with FORBIDDEN naming it, and never resolves it', async () => {
    const result = await queryAs(ANONYMOUS, `{ company(uscc: "${C1}") { name arrears } }`);
    expect(result.data).toEqual({ company: { name: 'Acme Trading', arrears: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toBe('You may not see Company.arrears.');
    expect(result.errors![0]!.path).toEqual(['company', 'arrears']);
    expect(result.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', field: 'Company.arrears' });
    expect(resolved).toEqual([]);
  });

  it('returns the field to the caller the rule allows', async () => {
    expect((await queryAs(callers.company(C1), `{ company(uscc: "${C1}") { arrears } }`)).data).toEqual({
      company: { arrears: '1200.00' },
    });
    expect((await queryAs(auditor, `{ company(uscc: "${C1}") { arrears } }`)).data).toEqual({
      company: { arrears: '1200.00' },
    });
    expect((await queryAs(callers.company(C2), `{ company(uscc: "${C1}") { arrears } }`)).data).toEqual({
      company: { arrears: null },
    });
  });

  it('decides per item of a list, by each item', async () => {
    const result = await queryAs(callers.company(C2), '{ ranking { uscc arrears } }');
    expect(result.data).toEqual({
      ranking: [
        { uscc: `${C1}`, arrears: null },
        { uscc: `${C2}`, arrears: '1200.00' },
      ],
    });
    expect(result.errors?.map((error) => error.path)).toEqual([['ranking', 0, 'arrears']]);
  });

  it('masks a value for the caller the mask names, item by item in lists', async () => {
    const query = `{ person(id: "${P1}") { phone phones } }`;
    expect((await queryAs(auditor, query)).data).toEqual({
      person: { phone: '138****5678', phones: ['138****5678', null] },
    });
    expect((await queryAs(callers.resident(P1), query)).data).toEqual({
      person: { phone: '13812345678', phones: ['13812345678', null] },
    });
  });

  it("passes a department's error through unchanged", async () => {
    const result = await queryAs(callers.resident(P1), `{ person(id: "${P1}") { legacyNote } }`);
    expect(result.data).toEqual({ person: { legacyNote: null } });
    expect(result.errors![0]!.message).toBe(departmentUnavailable('tax', 'timeout').message);
    expect(result.errors![0]!.extensions).toEqual({
      code: 'DEPARTMENT_UNAVAILABLE',
      department: 'tax',
      reason: 'timeout',
    });
  });

  it('lets an anonymous caller use the federation fields and key fields', async () => {
    const sdl = await queryAs(ANONYMOUS, '{ _service { sdl } }');
    expect(sdl.errors).toBeUndefined();
    expect((sdl.data as { _service: { sdl: string } })._service.sdl).toContain('type Company');
    const entities = await queryAs(
      ANONYMOUS,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Company { uscc name arrears } ... on Person { id } } }',
      {
        r: [
          { __typename: 'Company', uscc: C2 },
          { __typename: 'Person', id: P1 },
        ],
      },
    );
    expect(entities.data).toEqual({ _entities: [{ uscc: C2, name: 'Acme Trading', arrears: null }, { id: P1 }] });
    expect(entities.errors?.map((error) => error.extensions.field)).toEqual(['Company.arrears']);
  });

  it('refuses a subject that is not a well-formed resident ID or USCC before deciding or resolving', async () => {
    const result = await queryAs(callers.resident(P1), '{ person(id: "HELLO-INJECTED-SUBJECT") { phone } }');
    expect(result.data).toEqual({ person: null });
    expect(result.errors?.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(result.errors)).not.toContain('HELLO');
    expect(events).toEqual([]);
  });

  it('decides once per field and subjects in a request, however many list items share them', async () => {
    let asked = 0;
    const counting: CompiledPolicy = { ...strict, decide: (...args) => ((asked += 1), strict.decide(...args)) };
    const long = {
      ...resolvers,
      Query: {
        ...resolvers.Query,
        ranking: () => Array.from({ length: 50 }, (_, i) => company(i % 2 === 0 ? C1 : C2)),
      },
    };
    const on = applyMiddleware(
      buildSubgraphSchema([{ typeDefs: parse(TEST_SDL), resolvers: long as never }]),
      ...createPolicyMiddleware({ getPolicy: () => counting, subjects }),
    );
    const result = await queryAs(callers.company(C1), '{ ranking { uscc name arrears } }', undefined, on);
    expect((result.data as { ranking: unknown[] }).ranking).toHaveLength(50);
    // Query.ranking once, the public name once for all, arrears once per company: 1 + 1 + 2.
    expect(asked).toBe(4);
  });

  it('takes a swapped policy on the next request, without rebuilding the schema', async () => {
    const query = `{ company(uscc: "${C1}") { arrears } }`;
    expect((await queryAs(ANONYMOUS, query)).data).toEqual({ company: { arrears: null } });
    current = relaxed;
    expect((await queryAs(ANONYMOUS, query)).data).toEqual({ company: { arrears: '1200.00' } });
  });

  it('denies a protected field when its subject resolver fails, and still answers public ones', async () => {
    const broken = buildSchema({
      ...subjects,
      Company: {
        about: 'the company',
        subjects: () => {
          throw new Error('no uscc on parent');
        },
      },
    });
    const result = await queryAs(callers.company(C1), `{ company(uscc: "${C1}") { name arrears } }`, undefined, broken);
    expect(result.data).toEqual({ company: { name: 'Acme Trading', arrears: null } });
    expect(result.errors?.map((error) => error.extensions)).toEqual([{ code: 'FORBIDDEN', field: 'Company.arrears' }]);
  });

  it('tells onDecision about protected fields only, with subjects and never values', async () => {
    await queryAs(auditor, `{ company(uscc: "${C1}") { uscc name arrears } person(id: "${P1}") { phone } }`);
    // In the order the fields are resolved, which is graphql-js's to choose: the set is what counts.
    expect(events).toHaveLength(3);
    expect(events).toEqual(
      expect.arrayContaining([
        {
          department: 'tax',
          typeName: 'Query',
          fieldName: 'person',
          subjects: [{ kind: 'person', id: `${P1}` }],
          decision: { effect: 'allow' },
          protected: true,
          policy: strict.version.hash,
        },
        {
          department: 'tax',
          typeName: 'Company',
          fieldName: 'arrears',
          subjects: [{ kind: 'company', id: `${C1}` }],
          decision: { effect: 'allow' },
          protected: true,
          policy: strict.version.hash,
        },
        {
          department: 'tax',
          typeName: 'Person',
          fieldName: 'phone',
          subjects: [{ kind: 'person', id: `${P1}` }],
          decision: { effect: 'mask', style: 'phone' },
          protected: true,
          policy: strict.version.hash,
        },
      ]),
    );
  });
});
