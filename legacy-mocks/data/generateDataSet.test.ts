import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidResidentId, isValidUscc } from '../../core/ids.js';
import { accountBalancesOf, contributionsOf } from './contributionsOf.js';
import { filingsOf } from './filingsOf.js';
import { COMPANY_COUNT, DEFAULT_SEED, generateDataSet, RESIDENT_COUNT } from './generateDataSet.js';
import { incomeTaxReturnOf } from './incomeTaxReturnOf.js';
import { addMonths, LAST_PERIOD, periodIndex } from './periods.js';

const dataSet = generateDataSet();
const { fixtures } = dataSet;

function digest(seed: number): string {
  const set = generateDataSet(seed);
  return createHash('sha256').update(JSON.stringify([set.residents, set.companies, set.shareholdings, set.fixtures])).digest('hex');
}

describe('the shared data set', () => {
  it('has at least 10,000 residents and 2,000 companies with unique, valid identifiers', () => {
    expect(dataSet.residents.length).toBeGreaterThanOrEqual(10_000);
    expect(dataSet.companies.length).toBeGreaterThanOrEqual(2_000);
    expect(RESIDENT_COUNT).toBe(dataSet.residents.length);
    expect(COMPANY_COUNT).toBe(dataSet.companies.length);
    expect(new Set(dataSet.residents.map((r) => r.id)).size).toBe(dataSet.residents.length);
    expect(new Set(dataSet.companies.map((c) => c.uscc)).size).toBe(dataSet.companies.length);
    expect(dataSet.residents.every((r) => isValidResidentId(r.id))).toBe(true);
    expect(dataSet.companies.every((c) => isValidUscc(c.uscc))).toBe(true);
  });

  it('encodes birth date and gender in each resident ID', () => {
    for (const resident of dataSet.residents.slice(0, 500)) {
      expect(resident.id.slice(6, 14)).toBe(resident.birthDate.replaceAll('-', ''));
      expect(Number(resident.id[16]) % 2 === 1 ? 'MALE' : 'FEMALE').toBe(resident.gender);
    }
  });

  it('links representatives, shareholders and employees to residents and employers to companies', () => {
    for (const company of dataSet.companies) expect(dataSet.residentById.has(company.legalRepresentativeId)).toBe(true);
    for (const holding of dataSet.shareholdings) {
      expect(dataSet.residentById.has(holding.holderId)).toBe(true);
      expect(dataSet.companyByUscc.has(holding.companyUscc)).toBe(true);
    }
    for (const resident of dataSet.residents) {
      const employer = resident.insurance?.employerUscc;
      if (employer) expect(dataSet.companyByUscc.has(employer)).toBe(true);
    }
  });

  it("splits each company's registered capital exactly among its shareholders", () => {
    for (const company of dataSet.companies.slice(0, 200)) {
      const holdings = dataSet.shareholdingsByCompany.get(company.uscc) ?? [];
      expect(holdings.length).toBeGreaterThan(0);
      expect(holdings.reduce((sum, h) => sum + h.subscribedCapitalFen, 0)).toBe(company.registeredCapitalFen);
    }
  });

  it('is the same for the same seed in another process, and different for another seed', () => {
    const here = digest(DEFAULT_SEED);
    const script = `import { generateDataSet } from './legacy-mocks/data/generateDataSet.ts';
      import { createHash } from 'node:crypto';
      const set = generateDataSet(${DEFAULT_SEED});
      process.stdout.write(createHash('sha256').update(JSON.stringify([set.residents, set.companies, set.shareholdings, set.fixtures])).digest('hex'));`;
    const elsewhere = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(elsewhere).toBe(here);
    expect(digest(DEFAULT_SEED + 1)).not.toBe(here);
  });
});

describe('the named fixtures', () => {
  it('has a person who represents several companies and is insured by one of them', () => {
    const represented = dataSet.companiesByLegalRepresentative.get(fixtures.multiRepresentative) ?? [];
    expect(represented.length).toBeGreaterThanOrEqual(3);
    const employer = dataSet.residentById.get(fixtures.multiRepresentative)?.insurance?.employerUscc;
    expect(represented.map((c) => c.uscc)).toContain(employer);
  });

  it('has a company in tax arrears and a revoked company', () => {
    expect(dataSet.companyByUscc.get(fixtures.companyInArrears)?.tax.arrearsFen).toBeGreaterThan(0);
    expect(dataSet.companyByUscc.get(fixtures.revokedCompany)?.status).toBe('REVOKED');
  });

  it('has a person with no social insurance account', () => {
    expect(dataSet.residentById.get(fixtures.personWithoutSocialInsurance)?.insurance).toBeNull();
  });

  it('has companies with hundreds, two, and exactly 1/10/100/1,000 shareholders', () => {
    const count = (uscc: string) => dataSet.shareholdingsByCompany.get(uscc)?.length;
    expect(count(fixtures.companyWithManyShareholders)).toBeGreaterThanOrEqual(200);
    expect(count(fixtures.companyWithTwoShareholders)).toBe(2);
    for (const size of [1, 10, 100, 1000] as const) expect(count(fixtures.companyWithShareholders[size])).toBe(size);
  });

  it('has a person who is both employee and shareholder of the same company', () => {
    const person = dataSet.residentById.get(fixtures.employeeShareholder)!;
    const employer = person.insurance?.employerUscc;
    expect(employer).toBe(fixtures.companyWithTwoShareholders);
    expect(dataSet.shareholdingsByCompany.get(employer!)?.map((h) => h.holderId)).toContain(person.id);
  });
});

describe('values computed on demand', () => {
  it('gives every insured resident at least five years of monthly contributions', () => {
    for (const resident of dataSet.residents.filter((r) => r.insurance).slice(0, 300)) {
      const account = resident.insurance!;
      const months = contributionsOf(resident, '199001', LAST_PERIOD);
      expect(months.length).toBeGreaterThanOrEqual(60);
      expect(months[0]!.period).toBe(account.startPeriod);
      expect(periodIndex(months.at(-1)!.period) - periodIndex(months[0]!.period) + 1).toBe(months.length);
    }
  });

  it('limits contributions to the asked range and sums balances from them', () => {
    const resident = dataSet.residentById.get(fixtures.multiRepresentative)!;
    const from = addMonths(LAST_PERIOD, -11);
    expect(contributionsOf(resident, from, LAST_PERIOD).map((c) => c.period)).toHaveLength(12);
    const all = contributionsOf(resident, '190001', '299912');
    const pension = all.reduce((sum, month) => sum + Math.round((month.baseFen * 8) / 100), 0);
    expect(accountBalancesOf(resident).pensionFen).toBe(pension);
  });

  it('gives filings only from registration to the last period, and the same ones every time', () => {
    const company = dataSet.companyByUscc.get(fixtures.companyInArrears)!;
    const registeredYear = Number(company.tax.registeredOn.slice(0, 4));
    expect(filingsOf(company, registeredYear - 1)).toEqual([]);
    expect(filingsOf(company, 2025).length).toBeGreaterThan(0);
    expect(filingsOf(company, 2025)).toEqual(filingsOf(company, 2025));
  });

  it('files income tax returns for employed years only', () => {
    const employed = dataSet.residentById.get(fixtures.multiRepresentative)!;
    const taxReturn = incomeTaxReturnOf(employed, 2025)!;
    expect(taxReturn.refundDueFen).toBe(Math.max(0, taxReturn.taxPaidFen - taxReturn.taxDueFen));
    expect(incomeTaxReturnOf(employed, 2026)).toBeNull();
    expect(incomeTaxReturnOf(dataSet.residentById.get(fixtures.personWithoutSocialInsurance)!, 2025)).toBeNull();
  });
});
