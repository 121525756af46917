import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type ExecutionResult } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { afterAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../../../core/caller.js';
import { loadPolicy, defineSubjects } from '../../../policy/index.js';
import {
  buildTestSchema,
  callers,
  TEST_REGISTRY,
  TEST_SDL,
  tempFolder,
  VALID_POLICY,
} from '../../../policy/testing/policyFixtures.js';
import { loadDataSet } from '../../../legacy-mocks/data/index.js';
import { AccessCollector } from '../AccessCollector.js';
import { createPolicyMiddleware } from './createPolicyMiddleware.js';

// The access log's record of a request must not depend on how the decisions reach the collector:
// one note per value (onDecision → note) or one batch per field and decision (onDecisionBatch →
// noteBatch, what startSubgraph wires). Every subject whose data left is recorded either way.
const folder = tempFolder();
afterAll(() => folder.remove());
const loaded = loadPolicy({
  file: folder.write('tax.yaml', VALID_POLICY),
  department: 'tax',
  schema: buildTestSchema(),
  registry: TEST_REGISTRY,
});
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const policy = loaded.policy;

const dataSet = loadDataSet();
const usccs = dataSet.companies.slice(0, 30).map((company) => company.uscc);
const ids = dataSet.residents.slice(0, 30).map((resident) => resident.id);
const company = (uscc: string) => ({
  uscc,
  name: 'Acme',
  status: 'ACTIVE',
  arrears: '1.00',
  profile: { uscc, rating: 3 },
});
const person = (id: string) => ({ id, phone: '13812345678', phones: ['13812345678', null], legacyNote: 'n' });
const resolvers = {
  Query: {
    company: (_: unknown, { uscc }: { uscc: string }) => company(uscc),
    person: (_: unknown, { id }: { id: string }) => person(id),
    // Repeats too: the same company twice in a list is one subject, its fields given once.
    ranking: () => [...usccs, usccs[0]!, usccs[1]!].map(company),
  },
  Company: { __resolveReference: ({ uscc }: { uscc: string }) => company(uscc) },
  Person: { __resolveReference: ({ id }: { id: string }) => person(id) },
};
const subjects = defineSubjects<{
  Query: unknown;
  Company: { uscc: string };
  Profile: { uscc: string };
  Person: { id: string };
}>({
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

interface TwoWays {
  caller: Caller;
  noted: AccessCollector;
  batched: AccessCollector;
}
const schema = applyMiddleware(
  buildSubgraphSchema([{ typeDefs: parse(TEST_SDL), resolvers: resolvers as never }]),
  ...createPolicyMiddleware({
    getPolicy: () => policy,
    subjects,
    onDecision: (event, context) => (context as TwoWays).noted.note(event),
    onDecisionBatch: (batch, context) => (context as TwoWays).batched.noteBatch(batch),
  }),
);

const entryOf = (collector: AccessCollector, caller: Caller) => {
  const { at: _at, ...entry } = collector.entry({ department: 'tax', requestId: 'r', correlationId: null, caller });
  // The order of a subject's fields follows the order of resolution; what was given is the point.
  return {
    ...entry,
    subjects: entry.subjects.map((subject) => ({
      ...subject,
      fields: [...subject.fields].sort((a, b) => a.field.localeCompare(b.field)),
    })),
  };
};

const everyCaller: Array<[string, Caller]> = [
  ['anonymous', ANONYMOUS],
  ['a company', callers.company(usccs[2]!)],
  ['a resident', callers.resident(ids[4]!)],
  ['a tax auditor', callers.officer(['tax-officer'], 'tax-audit')],
  ['a tax officer without purpose', callers.officer(['tax-officer'], null)],
];
const everyQuery = [
  '{ ranking { uscc name status arrears profile { rating } } }',
  `{ a: company(uscc: "${usccs[2]}") { arrears } b: company(uscc: "${usccs[3]}") { arrears name } }`,
  `{ person(id: "${ids[4]}") { phone phones legacyNote } other: person(id: "${ids[5]}") { phone phones } }`,
  `{ _entities(representations: [${usccs
    .slice(0, 6)
    .map((uscc) => `{ __typename: "Company", uscc: "${uscc}" }`)
    .join(
      ', ',
    )}, { __typename: "Person", id: "${ids[4]}" }]) { ... on Company { arrears profile { rating } } ... on Person { phone } } }`,
];

describe('decision batches', () => {
  it.each(everyCaller)('make the same access-log entry as a note per value, asked by %s', async (_name, caller) => {
    for (const query of everyQuery) {
      const context: TwoWays = { caller, noted: new AccessCollector(), batched: new AccessCollector() };
      const result = (await execute({ schema, document: parse(query), contextValue: context })) as ExecutionResult;
      expect(result.data).toBeTruthy();
      expect(context.batched.isEmpty).toBe(context.noted.isEmpty);
      expect(context.batched.gavePersonalData).toBe(context.noted.gavePersonalData);
      expect(entryOf(context.batched, caller)).toEqual(entryOf(context.noted, caller));
    }
  });

  it('record every company of a long list the company was given, and count the refusals', async () => {
    const caller = callers.officer(['tax-officer'], 'tax-audit');
    const context: TwoWays = { caller, noted: new AccessCollector(), batched: new AccessCollector() };
    await execute({ schema, document: parse(everyQuery[0]!), contextValue: context });
    const entry = entryOf(context.batched, caller);
    expect(entry.subjects.map((subject) => subject.id).sort()).toEqual([...usccs].sort());
    expect(entry.subjects.every((subject) => subject.fields.some((field) => field.field === 'Company.arrears'))).toBe(
      true,
    );
    expect(entry.denied).toEqual([]);
    const anonymous: TwoWays = { caller: ANONYMOUS, noted: new AccessCollector(), batched: new AccessCollector() };
    await execute({ schema, document: parse(everyQuery[0]!), contextValue: anonymous });
    expect(entryOf(anonymous.batched, ANONYMOUS).denied).toEqual([
      { field: 'Company.arrears', count: usccs.length + 2 },
      { field: 'Company.profile', count: usccs.length + 2 },
    ]);
  });
});
