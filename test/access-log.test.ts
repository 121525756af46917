import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { probeBackends, type TempAccessLog } from '../access-log/testing/accessLogBackends.js';
import { verifyAccessLog, type AccessRecord, type SubjectAccessRecord } from '../access-log/index.js';
import { startStack, type Stack } from './harness.js';

/**
 * The access log through the running graph, on each store the product supports: what is
 * recorded, who can read it, and that nothing personal leaves when it cannot be recorded.
 */
describe.each(await probeBackends())('the access log on $name', (backend) => {
  let log: TempAccessLog;
  let stack: Stack;
  const officer = {
    as: { kind: 'officer' as const, sub: 'staff-31', roles: ['social-officer'], azp: 'social-console' },
    purpose: 'benefit-claim',
  };
  const privacyOfficer = {
    as: { kind: 'officer' as const, sub: 'staff-77', roles: ['privacy-officer'] },
    purpose: 'privacy-review',
  };

  beforeAll(async () => {
    if (backend.skipReason) return;
    log = await backend.create();
    stack = await startStack({ accessLog: await log.open() });
  });
  afterAll(async () => {
    await stack?.close();
    await log?.dispose();
  });

  const recordsOf = async (kind: 'person' | 'company', id: string): Promise<SubjectAccessRecord[]> =>
    (await stack.accessLog.readBySubject({ kind, id }, { first: 100 })).records;
  const recordsOfRequest = async (requestId: string | null): Promise<AccessRecord[]> => {
    const found: AccessRecord[] = [];
    for await (const record of stack.accessLog.readAll()) if (record.requestId === requestId) found.push(record);
    return found;
  };

  it.skipIf(backend.skipReason !== null)(
    'records the fields each subject was given under the policy version that decided, and counts refusals without naming anyone',
    async () => {
      const { fixtures } = stack.dataSet;
      const subject = fixtures.multiRepresentative;
      const response = await stack.query(`{ person(id: "${subject}") { name phone birthDate } }`, undefined, officer);
      expect(response.errors).toBeUndefined();
      const requestId = response.headers.get('x-request-id');
      const [record] = (await recordsOf('person', subject)).filter((candidate) => candidate.requestId === requestId);
      expect(record).toMatchObject({
        department: 'social',
        caller: { kind: 'officer', sub: 'staff-31', roles: ['social-officer'], azp: 'social-console' },
        purpose: 'benefit-claim',
        subject: { kind: 'person', id: subject },
        policy: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(Object.fromEntries(record!.fields.map((field) => [field.field, field.decision]))).toEqual({
        'Query.person': 'allowed',
        'Person.name': 'allowed',
        'Person.phone': 'masked',
        'Person.birthDate': 'allowed',
      });
      // The policy text that decided is kept under that hash.
      const [version] = await stack.accessLog.readPolicies([record!.policy!]);
      expect(JSON.parse(version!.document)).toMatchObject({
        department: 'social',
        files: { 'social.yaml': expect.stringContaining('socialOfficer'), 'roles.yaml': expect.any(String) },
      });
      // Values are never recorded.
      const person = stack.dataSet.residentById.get(subject)!;
      const [whole] = await recordsOfRequest(requestId);
      expect(JSON.stringify(whole)).not.toContain(person.name);
      expect(JSON.stringify(whole)).not.toContain(person.phone.slice(-4));

      const denied = await stack.query(`{ person(id: "${subject}") { name } }`, undefined, {
        as: { kind: 'person', sub: fixtures.employeeShareholder },
      });
      // Refusals hold nothing personal: their record is written beside the answer, a moment later.
      const [refusal] = await vi.waitFor(
        async () => {
          const found = await recordsOfRequest(denied.headers.get('x-request-id'));
          if (found.length === 0) throw new Error('not yet');
          return found;
        },
        { timeout: 5_000, interval: 50 },
      );
      expect(refusal).toMatchObject({
        department: 'social',
        subjects: [],
        denied: [{ field: 'Query.person', count: 1 }],
        caller: { kind: 'person', sub: fixtures.employeeShareholder },
      });
      // A refusal is a security event, not an access to the person: it is not in their view.
      expect(
        (await recordsOf('person', subject)).some(
          (candidate) => candidate.requestId === denied.headers.get('x-request-id'),
        ),
      ).toBe(false);
    },
  );

  it.skipIf(backend.skipReason !== null)('records nothing for public fields', async () => {
    const uscc = stack.dataSet.fixtures.revokedCompany;
    const response = await stack.query(
      `{ company(uscc: "${uscc}") { name status registeredCapital legalRepresentativeName } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(await recordsOf('company', uscc)).toEqual([]);
  });

  it.skipIf(backend.skipReason !== null)(
    'lets a citizen read their own log through the graph, officers shown by role and department',
    async () => {
      const subject = stack.dataSet.fixtures.multiRepresentative;
      await stack.query(`{ person(id: "${subject}") { name } }`, undefined, officer);
      const response = await stack.query(
        `{ me { dataAccessLog(first: 50) { accesses { department purpose accessor { kind roles department self staffId } fields { field decision } } hasNextPage } } }`,
        undefined,
        { as: { kind: 'person', sub: subject } },
      );
      const accesses = (
        response.data as {
          me: { dataAccessLog: { accesses: Array<Record<string, unknown> & { accessor: Record<string, unknown> }> } };
        }
      ).me.dataAccessLog.accesses;
      const byOfficer = accesses.find((access) => access.accessor.kind === 'OFFICER');
      expect(byOfficer).toMatchObject({
        department: 'social',
        purpose: 'benefit-claim',
        accessor: { roles: ['social-officer'], department: 'social', self: false, staffId: null },
      });
      // The staff id stays with the privacy office.
      expect(
        response.errors?.every(
          (error) => error.extensions?.code === 'FORBIDDEN' && error.extensions?.field === 'Accessor.staffId',
        ),
      ).toBe(true);
      expect(JSON.stringify(response.data)).not.toContain('staff-31');
    },
  );

  it.skipIf(backend.skipReason !== null)(
    "does not let a citizen read another's log, and lets a privacy officer read any",
    async () => {
      const { fixtures } = stack.dataSet;
      const other = fixtures.multiRepresentative;
      const asCitizen = await stack.query(`{ accessLog(subject: "${other}") { accesses { department } } }`, undefined, {
        as: { kind: 'person', sub: fixtures.employeeShareholder },
      });
      expect(asCitizen.data).toEqual({ accessLog: null });
      expect(asCitizen.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Query.accessLog' });
      const viaCompany = await stack.query(
        `{ company(uscc: "${fixtures.companyInArrears}") { dataAccessLog { accesses { department } } } }`,
        undefined,
        { as: { kind: 'person', sub: fixtures.employeeShareholder } },
      );
      expect((viaCompany.data as { company: { dataAccessLog: unknown } }).company.dataAccessLog).toBeNull();

      const asPrivacyOfficer = await stack.query(
        `{ accessLog(subject: "${other}", first: 100) { accesses { accessor { kind staffId id roles } policyVersion } } }`,
        undefined,
        privacyOfficer,
      );
      expect(asPrivacyOfficer.errors).toBeUndefined();
      const accesses = (
        asPrivacyOfficer.data as {
          accessLog: {
            accesses: Array<{
              accessor: { kind: string; staffId: string | null; id: string | null };
              policyVersion: string;
            }>;
          };
        }
      ).accessLog.accesses;
      expect(accesses.map((access) => access.accessor.staffId)).toContain('staff-31');
      // Privacy officers see who every accessor was, a resident as well as an officer, and the policy version.
      expect(accesses).toContainEqual(
        expect.objectContaining({ accessor: expect.objectContaining({ kind: 'PERSON', id: other }) }),
      );
      expect(accesses.every((access) => /^[0-9a-f]{64}$/.test(access.policyVersion))).toBe(true);
      // A citizen does not see a resident accessor's id, even their own log's.
      const asSubject = await stack.query(
        `{ me { dataAccessLog(first: 100) { accesses { accessor { kind id } } } } }`,
        undefined,
        { as: { kind: 'person', sub: other } },
      );
      expect(asSubject.errors?.every((error) => error.extensions?.field === 'Accessor.id')).toBe(true);
    },
  );

  it.skipIf(backend.skipReason !== null)('keeps an unbroken chain across all of the above', async () => {
    expect(await verifyAccessLog(stack.accessLog)).toMatchObject({ ok: true });
  });

  // Last: it breaks the store for good.
  it.skipIf(backend.skipReason !== null)('withholds personal data when the access cannot be recorded', async () => {
    const subject = stack.dataSet.fixtures.multiRepresentative;
    const person = stack.dataSet.residentById.get(subject)!;
    await log.execute('DROP TABLE access_records');
    const response = await stack.query(
      `{ person(id: "${subject}") { name phone } company(uscc: "${stack.dataSet.fixtures.companyInArrears}") { name } }`,
      undefined,
      officer,
    );
    expect(response.data).toMatchObject({ person: null });
    expect(response.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'ACCESS_NOT_RECORDED', department: 'social' }),
        }),
      ]),
    );
    const text = JSON.stringify(response);
    expect(text).not.toContain(person.name);
    expect(text).not.toContain(person.phone.slice(-4));
    // The public registry, which records nothing, still answers.
    expect((response.data as { company: { name: string } }).company.name).toBe(
      stack.dataSet.companyByUscc.get(stack.dataSet.fixtures.companyInArrears)!.name,
    );
  });
});
