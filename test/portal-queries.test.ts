import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitizenDashboardDocument, CompanyProfileDocument, SearchCompaniesDocument } from '../examples/generated/operations.js';
import { expectedCitizenDashboard, expectedCompanyProfile, sortedBy } from './expected.js';
import { startStack, type Stack } from './harness.js';

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
      shareholders: sortedBy(company.shareholders!, (h) => h.holder!.id),
      tax: { ...company.tax!, filings: sortedBy(company.tax!.filings!, order) },
    }).toEqual({
      ...expected,
      shareholders: sortedBy(expected.shareholders!, (h) => h.holder!.id),
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
        shareholders: response.data!.company!.shareholders!.length,
        calls: Object.fromEntries(Object.entries(stats).map(([department, snapshot]) => [department, Object.fromEntries(Object.entries(snapshot.operations).map(([operation, entry]) => [operation, entry.calls]))])),
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
