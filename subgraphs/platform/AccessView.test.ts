import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthenticatedCaller, Caller } from '../../core/caller.js';
import { AccessCollector } from '../kit/AccessCollector.js';
import type { AccessCaller } from '../../access-log/index.js';
import { sampleEntry, SUBJECTS } from '../../access-log/testing/sampleEntries.js';
import { usePrivacyPolicy } from '../kit/privacy/index.js';
import { readSchema, type AccessLogStore } from '../kit/index.js';
import type { DecisionEvent } from '../../policy/index.js';
import { createPlatformLoaders } from './loaders.js';
import { platformResolvers } from './department.js';
import { subjects } from './subjects.js';
import { openTempAccessLog } from './testing/openTempAccessLog.js';

/**
 * The access log as the graph shows it: the platform's schema, resolvers and policy
 * (privacy/platform.yaml) run in process on a log in a temp file. The views (AccessView.ts) carry
 * whose log it is down to every level, so the policy decides each field about that subject; here
 * that shows as who sees which part of an accessor's identity.
 */

const CITIZEN = SUBJECTS.citizen;
const OTHER_CITIZEN = SUBJECTS.employee;
const TAX_OFFICER: AccessCaller = { kind: 'officer', sub: 'staff-7', roles: ['tax-officer'], azp: 'tax-portal' };

const asPerson = (id: string): AuthenticatedCaller => ({
  kind: 'person',
  sub: id,
  roles: [],
  azp: 'city-portal',
  purpose: null,
});
const privacyOfficer = (purpose: string | null): AuthenticatedCaller => ({
  kind: 'officer',
  sub: 'staff-99',
  roles: ['privacy-officer'],
  azp: null,
  purpose,
});

const ACCESS_FIELDS = `
  accesses {
    department purpose
    accessor { kind roles department application self staffId id }
    fields { field decision }
  }
  endCursor hasNextPage`;

let schema: GraphQLSchema;
let closePolicy: () => void;
let decisions: DecisionEvent[];
let log: Awaited<ReturnType<typeof openTempAccessLog>>;
let store: AccessLogStore;

beforeAll(() => {
  const built = buildSubgraphSchema([
    {
      typeDefs: readSchema(import.meta.url),
      resolvers: platformResolvers as unknown as GraphQLResolverMap,
    },
  ]);
  const policy = usePrivacyPolicy({
    department: 'platform',
    subjects,
    onDecision: (event) => decisions.push(event),
    log: () => {},
  });
  schema = policy.onSchema(built);
  closePolicy = policy.onClose;
});
afterAll(() => closePolicy());

beforeEach(async () => {
  decisions = [];
  log = await openTempAccessLog();
  store = log.store;
  // A tax officer read the citizen's data; the citizen then read their own.
  await store.append({ ...sampleEntry('by-officer', [CITIZEN], '2026-01-01T10:00:00.000Z'), caller: TAX_OFFICER });
  await store.append({
    ...sampleEntry('by-self', [CITIZEN], '2026-01-01T11:00:00.000Z'),
    caller: { kind: 'person', sub: CITIZEN.id.toLowerCase(), roles: [], azp: 'city-portal' },
    purpose: null,
  });
});
afterEach(() => log.dispose());

async function queryAs(caller: Caller, source: string, variableValues: Record<string, unknown> = {}) {
  const contextValue = {
    requestId: 'request-1',
    correlationId: null,
    caller,
    loaders: createPlatformLoaders(store, log.certificates),
    access: new AccessCollector(),
  };
  const result = await graphql({ schema, source, contextValue, variableValues });
  return {
    data: result.data as Record<string, any> | null | undefined,
    errors: (result.errors ?? []).map((error) => ({ code: error.extensions.code, path: error.path?.join('.') })),
  };
}

/** A citizen's own log, as the portal reads it: through their Person entity (Query.me at the gateway). */
const ownLog = (caller: Caller, id: string) =>
  queryAs(
    caller,
    `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Person { dataAccessLog(first: 10) { ${ACCESS_FIELDS} } } }
    }`,
    { representations: [{ __typename: 'Person', id }] },
  );

const accessLogOf = (caller: Caller, subject: string, first?: number) =>
  queryAs(
    caller,
    `query ($subject: ID!, $first: Int) { accessLog(subject: $subject, first: $first) { ${ACCESS_FIELDS} } }`,
    {
      subject,
      first,
    },
  );

describe('the access log as each caller sees it', () => {
  it('shows a citizen an officer by role and department, never by staff id', async () => {
    const { data, errors } = await ownLog(asPerson(CITIZEN.id), CITIZEN.id);
    const [bySelf, byOfficer] = data!._entities[0].dataAccessLog.accesses;
    expect(byOfficer).toEqual({
      department: 'tax',
      purpose: 'tax-audit',
      accessor: {
        kind: 'OFFICER',
        roles: ['tax-officer'],
        department: 'tax',
        application: 'tax-portal',
        self: false,
        staffId: null,
        id: null,
      },
      fields: [
        { field: 'IncomeTaxReturn.income', decision: 'ALLOWED' },
        { field: 'Person.name', decision: 'MASKED' },
      ],
    });
    // Their own reads show as theirs (the log keeps the token's spelling; the subject is canonical).
    expect(bySelf.accessor).toMatchObject({ kind: 'PERSON', self: true, roles: [], department: null, id: null });
    expect(errors).toEqual(
      expect.arrayContaining([
        { code: 'FORBIDDEN', path: '_entities.0.dataAccessLog.accesses.1.accessor.staffId' },
        { code: 'FORBIDDEN', path: '_entities.0.dataAccessLog.accesses.1.accessor.id' },
        { code: 'FORBIDDEN', path: '_entities.0.dataAccessLog.accesses.0.accessor.id' },
      ]),
    );
    expect(errors.every((error) => /\.accessor\.(staffId|id)$/.test(error.path ?? ''))).toBe(true);
  });

  it('shows a privacy officer reviewing the log who each accessor was', async () => {
    const { data, errors } = await accessLogOf(privacyOfficer('privacy-review'), CITIZEN.id);
    expect(errors).toEqual([]);
    const [bySelf, byOfficer] = data!.accessLog.accesses;
    expect(byOfficer.accessor).toMatchObject({ staffId: 'staff-7', id: 'staff-7', department: 'tax' });
    // A person has no staff id; who they were is their resident ID.
    expect(bySelf.accessor).toMatchObject({ kind: 'PERSON', staffId: null, id: CITIZEN.id.toLowerCase() });
  });

  it('refuses a privacy officer who states no review purpose', async () => {
    const { data, errors } = await accessLogOf(privacyOfficer(null), CITIZEN.id);
    expect(data?.accessLog).toBeNull();
    expect(errors).toEqual([{ code: 'FORBIDDEN', path: 'accessLog' }]);
  });

  it("refuses a citizen another person's log, by ID or through the entity", async () => {
    const byId = await accessLogOf(asPerson(OTHER_CITIZEN.id), CITIZEN.id);
    expect(byId.data?.accessLog).toBeNull();
    expect(byId.errors).toEqual([{ code: 'FORBIDDEN', path: 'accessLog' }]);
    const byEntity = await ownLog(asPerson(OTHER_CITIZEN.id), CITIZEN.id);
    expect(byEntity.data?._entities[0]?.dataAccessLog ?? null).toBeNull();
    expect(byEntity.errors.map((error) => error.code)).toContain('FORBIDDEN');
  });

  it('takes every decision on a log about the subject it is about, not about the accessor in it', async () => {
    await ownLog(asPerson(CITIZEN.id), CITIZEN.id);
    const governed = decisions.filter((event) => event.protected);
    expect(new Set(governed.map((event) => event.typeName))).toEqual(
      new Set(['Person', 'DataAccessPage', 'DataAccess', 'Accessor', 'FieldAccess']),
    );
    for (const event of governed) expect(event.subjects, `${event.typeName}.${event.fieldName}`).toEqual([CITIZEN]);
  });

  it('refuses a subject that is neither a resident ID nor a USCC before any decision or read', async () => {
    const { data, errors } = await accessLogOf(privacyOfficer('privacy-review'), 'staff-7');
    expect(data?.accessLog ?? null).toBeNull();
    expect(errors).toEqual([{ code: 'BAD_USER_INPUT', path: 'accessLog' }]);
    expect(decisions.filter((event) => event.protected)).toEqual([]);
  });
});

describe('the access log in pages', () => {
  it('refuses a page over the most allowed, and pages the rest from the end cursor', async () => {
    const tooMany = await accessLogOf(privacyOfficer('privacy-review'), CITIZEN.id, 101);
    expect(tooMany.errors).toEqual([{ code: 'BAD_USER_INPUT', path: 'accessLog' }]);
    const first = await accessLogOf(privacyOfficer('privacy-review'), CITIZEN.id, 1);
    expect(first.data!.accessLog).toMatchObject({ hasNextPage: true, accesses: [{ purpose: null }] });
    const next = await queryAs(
      privacyOfficer('privacy-review'),
      `query ($subject: ID!, $after: String) { accessLog(subject: $subject, first: 1, after: $after) { ${ACCESS_FIELDS} } }`,
      { subject: CITIZEN.id, after: first.data!.accessLog.endCursor },
    );
    expect(next.data!.accessLog).toMatchObject({ hasNextPage: false, accesses: [{ purpose: 'tax-audit' }] });
  });

  it("gives a citizen's own log 20 accesses a page unless asked otherwise", async () => {
    for (let n = 0; n < 21; n++) await store.append(sampleEntry(`more-${n}`, [CITIZEN]));
    const { data } = await queryAs(
      asPerson(CITIZEN.id),
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Person { dataAccessLog { accesses { at } hasNextPage } } }
      }`,
      { representations: [{ __typename: 'Person', id: CITIZEN.id }] },
    );
    expect(data!._entities[0].dataAccessLog.accesses).toHaveLength(20);
    expect(data!._entities[0].dataAccessLog.hasNextPage).toBe(true);
  });
});
