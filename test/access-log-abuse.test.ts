import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessRecord } from '../access-log/index.js';
import { openAccessLogStore } from '../access-log/index.js';
import { startStack, type Stack } from './harness.js';

/**
 * The access log under abuse and at its edges (issue 10): refusals cannot flood it, a caller's
 * string never becomes a subject, following a company to its representative is recorded for that
 * person, denied entities are not even loaded, and a caller cannot choose a record's request id.
 */
let stack: Stack;

let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'access-log-'));
  // The refusal window is the product's mechanism; a long one here keeps a loaded test machine
  // (the suite runs files in parallel) from splitting one request's parts across two records.
  const accessLog = await openAccessLogStore({
    url: `sqlite:${join(folder, 'access-log.db')}`,
    refusalWindowMs: 1_500,
  });
  stack = await startStack({ accessLog });
});
afterAll(async () => {
  await stack?.close();
  rmSync(folder, { recursive: true, force: true });
});

const marketOfficer = {
  as: { kind: 'officer' as const, sub: 'staff-12', roles: ['market-officer'] },
  purpose: 'market-supervision',
};
const socialOfficer = {
  as: { kind: 'officer' as const, sub: 'staff-31', roles: ['social-officer'] },
  purpose: 'benefit-claim',
};

async function allRecords(): Promise<AccessRecord[]> {
  const records: AccessRecord[] = [];
  for await (const record of stack.accessLog.readAll()) records.push(record);
  return records;
}

async function recordsOfRequest(requestId: string | null): Promise<AccessRecord[]> {
  return (await allRecords()).filter((record) => record.requestId === requestId);
}

/** Refusal-only records are written beside the answer, within the refusal window: wait until `done` says all are in. */
async function waitForRecords(
  requestId: string | null,
  done: (records: AccessRecord[]) => boolean,
): Promise<AccessRecord[]> {
  return vi.waitFor(
    async () => {
      const records = await recordsOfRequest(requestId);
      if (!done(records)) throw new Error('not yet');
      return records;
    },
    { timeout: 10_000, interval: 100 },
  );
}

describe('a refused caller cannot flood the log', () => {
  /** The flood of the issue, as large as the gateway's cost limit lets through: 6 aliases of 100 companies. */
  const flood = (first: number) =>
    `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: searchCompanies(name: "公司", first: ${first}) { uscc tax { creditRating } socialInsurance { arrears } legalRepresentative { id } }`).join(' ')} }`;

  it('adds one small record per department per request, however many companies it asks about', async () => {
    const counts: number[] = [];
    for (const first of [5, 100]) {
      const before = (await allRecords()).length;
      const response = await stack.query(flood(first));
      expect(response.status).toBe(200);
      expect(
        response.errors?.every(
          (error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'TOO_MANY_ERRORS',
        ),
      ).toBe(true);
      const companies = (response.data as Record<string, unknown[]>).a0!.length;
      const expected = {
        'Company.legalRepresentative': 6 * companies,
        'Company.tax': 6 * companies,
        'Company.socialInsurance': 6 * companies,
      };
      const deniedIn = (records: AccessRecord[]) => {
        const denied: Record<string, number> = {};
        for (const item of records.flatMap((record) => record.denied))
          denied[item.field] = (denied[item.field] ?? 0) + item.count;
        return denied;
      };
      const total = (denied: Record<string, number>) => Object.values(denied).reduce((sum, count) => sum + count, 0);
      const records = await waitForRecords(
        response.headers.get('x-request-id'),
        (found) => total(deniedIn(found)) >= total(expected),
      );
      expect(records.map((record) => record.department).sort()).toEqual(['market', 'social', 'tax']);
      // Nobody is named: the refusals are counted per field.
      expect(records.every((record) => record.subjects.length === 0)).toBe(true);
      expect(deniedIn(records)).toEqual(expected);
      counts.push((await allRecords()).length - before);
    }
    // 20 times the companies, the same number of records.
    expect(counts).toEqual([3, 3]);
  });
});

describe('only well-formed resident IDs and USCCs become subjects', () => {
  const cases = [
    ['an injected person ID, anonymously', '{ person(id: "HELLO-INJECTED-SUBJECT") { id } }', undefined],
    [
      'an injected person ID, as a social officer',
      '{ person(id: "HELLO-INJECTED-SUBJECT") { id name } }',
      socialOfficer,
    ],
    ['markup as a log subject, anonymously', '{ accessLog(subject: "junk <script>") { endCursor } }', undefined],
    ['a 300-character log subject', `{ accessLog(subject: "${'9'.repeat(300)}") { endCursor } }`, undefined],
  ] as const;

  it.each(cases)('refuses %s as BAD_USER_INPUT, with no record and no legacy call', async (_name, query, as) => {
    await stack.resetLegacy();
    const before = (await allRecords()).length;
    const response = await stack.query(query, undefined, as);
    expect(response.status).toBe(200);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(response)).not.toMatch(/HELLO-INJECTED|<script>|9{50}/);
    const stats = await stack.legacyStats();
    expect(stats.market.total + stats.tax.total + stats.social.total).toBe(0);
    // Give a stray refusal record the time it would take to appear; none does.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await allRecords()).length).toBe(before);
  });
});

describe("a company's legal representative", () => {
  it("is recorded in that person's own log when a market officer follows the company to them, even for the id alone", async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const representative = stack.dataSet.companyByUscc.get(uscc)!.legalRepresentativeId;
    const response = await stack.query(
      `{ company(uscc: "${uscc}") { legalRepresentative { id } } }`,
      undefined,
      marketOfficer,
    );
    expect(response.errors).toBeUndefined();
    const requestId = response.headers.get('x-request-id');
    const { records } = await stack.accessLog.readBySubject({ kind: 'person', id: representative }, { first: 100 });
    expect(records.find((record) => record.requestId === requestId)).toMatchObject({
      department: 'market',
      caller: { kind: 'officer', sub: 'staff-12' },
      purpose: 'market-supervision',
      fields: [{ field: 'Company.legalRepresentative', decision: 'allowed' }],
    });
    // And under the company, as before.
    const forCompany = await stack.accessLog.readBySubject({ kind: 'company', id: uscc }, { first: 100 });
    expect(forCompany.records.some((record) => record.requestId === requestId)).toBe(true);
  });
});

describe('entities the caller may see nothing of', () => {
  it("are not loaded from the legacy system: a market officer asking shareholders' names makes no person look-ups", async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    await stack.resetLegacy();
    const response = await stack.query(
      `{ company(uscc: "${uscc}") { shareholders(first: 100) { holdings { holderName holder { name } } } } }`,
      undefined,
      marketOfficer,
    );
    const holdings = (
      response.data as { company: { shareholders: { holdings: Array<{ holderName: string; holder: unknown }> } } }
    ).company.shareholders.holdings;
    expect(holdings.length).toBeGreaterThan(0);
    expect(
      holdings.every((holding) => holding.holder === null || (holding.holder as { name: unknown }).name === null),
    ).toBe(true);
    expect(
      response.errors?.every(
        (error) => error.extensions?.code === 'FORBIDDEN' && error.extensions?.field === 'Person.name',
      ),
    ).toBe(true);
    expect((await stack.legacyStats()).social.total).toBe(0);
  });

  it('are still loaded when one wanted field is allowed (a social officer sees the names)', async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    await stack.resetLegacy();
    const officer = {
      as: { kind: 'officer' as const, sub: 'staff-40', roles: ['market-officer', 'social-officer'] },
      purpose: 'market-supervision',
    };
    const both = await stack.query(
      `{ company(uscc: "${uscc}") { shareholders(first: 5) { holdings { holder { name } } } } }`,
      undefined,
      { ...officer, purpose: 'benefit-claim' },
    );
    // With benefit-claim, the shareholder register itself is refused (market needs market-supervision).
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Company.shareholders' });
    const company = stack.dataSet.companyByUscc.get(uscc)!;
    const self = await stack.query(`{ company(uscc: "${uscc}") { legalRepresentative { name } } }`, undefined, {
      as: { kind: 'company', sub: company.uscc },
    });
    // The company sees its representative, but Person.name is the social bureau's: refused without a look-up.
    expect(self.errors?.map((error) => error.extensions?.field)).toEqual(['Person.name']);
    expect((await stack.legacyStats()).social.total).toBe(0);
    const person = await stack.query(`{ me { name legalRepresentativeOf { uscc } } }`, undefined, {
      as: { kind: 'person', sub: company.legalRepresentativeId },
    });
    expect(person.errors).toBeUndefined();
    expect((await stack.legacyStats()).social.total).toBeGreaterThan(0);
  });
});

describe('request ids', () => {
  it("are the gateway's own; a caller's x-request-id is kept only as the record's correlation id", async () => {
    const subject = stack.dataSet.fixtures.multiRepresentative;
    const response = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await stack.tokenFor({ kind: 'person', sub: subject })}`,
        'x-request-id': 'chosen-by-caller',
      },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).not.toBe('chosen-by-caller');
    expect(response.headers.get('x-correlation-id')).toBe('chosen-by-caller');
    const [record] = await recordsOfRequest(requestId);
    expect(record).toMatchObject({ department: 'social', requestId, correlationId: 'chosen-by-caller' });
    expect(await recordsOfRequest('chosen-by-caller')).toEqual([]);
  });
});
