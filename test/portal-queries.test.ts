import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CitizenDashboardDocument,
  CompanyProfileDocument,
  SearchCompaniesDocument,
} from '../examples/generated/operations.js';
import { expectedCitizenDashboard, expectedCompanyProfile, sortedBy } from './expected.js';
import { startStack, type GraphResponse, type Stack } from './harness.js';

const YEAR = 2025;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const asCitizen = (sub: string) => ({ as: { kind: 'person' as const, sub } });
const asCompany = (sub: string) => ({ as: { kind: 'company' as const, sub } });

describe('the citizen dashboard', () => {
  it('returns the signed-in citizen from all three departments, every field as the legacy systems hold it', async () => {
    const id = stack.dataSet.fixtures.multiRepresentative;
    const response = await stack.query(CitizenDashboardDocument, { year: YEAR }, asCitizen(id));
    expect(response.errors).toBeUndefined();
    const person = response.data!.me!;
    const expected = expectedCitizenDashboard(stack.dataSet, id, YEAR);
    expect(person.legalRepresentativeOf!.length).toBeGreaterThanOrEqual(3);
    expect({ ...person, legalRepresentativeOf: sortedBy(person.legalRepresentativeOf!, (c) => c.uscc) }).toEqual({
      ...expected,
      legalRepresentativeOf: sortedBy(expected.legalRepresentativeOf!, (c) => c.uscc),
    });
  });

  it('shows a citizen without social insurance a null account, not an error', async () => {
    const id = stack.dataSet.fixtures.personWithoutSocialInsurance;
    const response = await stack.query(CitizenDashboardDocument, { year: YEAR }, asCitizen(id));
    expect(response.errors).toBeUndefined();
    expect(response.data!.me!.socialSecurity).toBeNull();
    expect(response.data!.me!.name).toBe(stack.dataSet.residentById.get(id)!.name);
  });
});

describe('the company profile', () => {
  it('returns registry data, shareholders, tax filings and the employer account as the legacy systems hold them', async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const response = await stack.query(CompanyProfileDocument, { uscc, year: YEAR }, asCompany(uscc));
    expect(response.errors).toBeUndefined();
    const company = response.data!.company!;
    const expected = expectedCompanyProfile(stack.dataSet, uscc, YEAR);
    expect(Number(company.tax!.arrears)).toBeGreaterThan(0);
    expect(company.tax!.filings!.length).toBeGreaterThan(0);
    const order = (f: { period: string | null; taxKind: string | null }) => `${f.period}/${f.taxKind}`;
    expect({
      ...company,
      tax: { ...company.tax!, filings: sortedBy(company.tax!.filings!, order) },
    }).toEqual({
      ...expected,
      tax: { ...expected.tax!, filings: sortedBy(expected.tax!.filings!, order) },
    });
  });

  it('shows a revoked company as REVOKED', async () => {
    const uscc = stack.dataSet.fixtures.revokedCompany;
    const response = await stack.query(CompanyProfileDocument, { uscc, year: YEAR }, asCompany(uscc));
    expect(response.errors).toBeUndefined();
    expect(response.data!.company!.status).toBe('REVOKED');
  });

  it('makes the same legacy calls for hundreds of shareholders as for two', async () => {
    const { fixtures } = stack.dataSet;
    const callsFor = async (uscc: string) => {
      await stack.resetLegacy();
      const response = await stack.query(CompanyProfileDocument, { uscc, year: YEAR }, asCompany(uscc));
      expect(response.errors).toBeUndefined();
      const stats = await stack.legacyStats();
      return {
        shareholders: response.data!.company!.shareholders!.totalCount,
        calls: Object.fromEntries(
          Object.entries(stats).map(([department, snapshot]) => [
            department,
            Object.fromEntries(
              Object.entries(snapshot.operations).map(([operation, entry]) => [operation, entry.calls]),
            ),
          ]),
        ),
      };
    };
    const two = await callsFor(fixtures.companyWithTwoShareholders);
    const many = await callsFor(fixtures.companyWithManyShareholders);
    const thousand = await callsFor(fixtures.companyWithShareholders[1000]);
    expect(two.shareholders).toBe(2);
    expect(many.shareholders).toBeGreaterThanOrEqual(200);
    expect(thousand.shareholders).toBe(1000);
    expect(many.calls).toEqual(two.calls);
    expect(thousand.calls).toEqual(two.calls);
  });

  type PageAnswer = {
    company: {
      shareholders: { hasNextPage: boolean; endCursor: string | null; holdings: Array<{ holder: { id: string } }> };
    };
  };

  it('pages through 1,000 shareholders, 100 at a time, each once and in registry order', async () => {
    const uscc = stack.dataSet.fixtures.companyWithShareholders[1000];
    const page = `query Page($uscc: ID!, $after: String) { company(uscc: $uscc) { shareholders(first: 100, after: $after) { totalCount hasNextPage endCursor holdings { holder { id } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 11; pages++) {
      const response: GraphResponse<PageAnswer> = await stack.query<PageAnswer, object>(
        page,
        { uscc, after },
        asCompany(uscc),
      );
      expect(response.errors).toBeUndefined();
      const { holdings, hasNextPage, endCursor }: PageAnswer['company']['shareholders'] =
        response.data!.company.shareholders;
      seen.push(...holdings.map((holding) => holding.holder.id));
      if (!hasNextPage) break;
      after = endCursor;
    }
    expect(seen).toEqual((stack.dataSet.shareholdingsByCompany.get(uscc) ?? []).map((holding) => holding.holderId));
  });

  it('refuses a page over 100 and a cursor it did not give, with BAD_USER_INPUT and no registry call', async () => {
    const uscc = stack.dataSet.fixtures.companyWithManyShareholders;
    await stack.resetLegacy();
    const tooMany = await stack.query(
      `{ company(uscc: "${uscc}") { shareholders(first: 101) { totalCount } } }`,
      undefined,
      asCompany(uscc),
    );
    const forged = await stack.query(
      `{ company(uscc: "${uscc}") { shareholders(after: "cGFnZTotMQ") { totalCount } } }`,
      undefined,
      asCompany(uscc),
    );
    for (const [response, argument] of [
      [tooMany, 'first'],
      [forged, 'after'],
    ] as const) {
      expect(response.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([
        ['BAD_USER_INPUT', argument],
      ]);
    }
    expect((await stack.legacyStats()).market.operations.queryGdxx?.calls ?? 0).toBe(0);
  });
});

describe('the public company search', () => {
  it('finds companies by a word of their name, as many as asked', async () => {
    const response = await stack.query(SearchCompaniesDocument, { name: '科技', first: 7 });
    expect(response.errors).toBeUndefined();
    const found = response.data!.searchCompanies;
    expect(found).toHaveLength(7);
    for (const company of found) {
      expect(company.name).toContain('科技');
      const held = stack.dataSet.companyByUscc.get(company.uscc)!;
      expect(company).toEqual({
        uscc: held.uscc,
        name: held.name,
        status: held.status,
        legalForm: held.legalForm,
        legalRepresentativeName: stack.dataSet.residentById.get(held.legalRepresentativeId)!.name,
      });
    }
  });
});
