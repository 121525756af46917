import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

/**
 * Leak tests: whatever path a caller takes through the graph, another person's data and another
 * company's secrets stay out of the answer. The checks scan the whole response, so a new path
 * added to the schema without a rule shows up here.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const RESIDENT_ID = /\b\d{17}[\dX]\b/g;

/** Every resident ID in an answer, whatever field it sits in. */
function residentIdsIn(value: unknown): Set<string> {
  return new Set(JSON.stringify(value).match(RESIDENT_ID) ?? []);
}

function personalValuesOf(stack: Stack, id: string): string[] {
  const person = stack.dataSet.residentById.get(id)!;
  return [
    person.phone,
    person.address,
    person.birthDate,
    ...(person.insurance ? [person.insurance.accountNumber] : []),
  ];
}

describe('a citizen', () => {
  const paths = (self: string, other: string, uscc: string) => [
    `{ person(id: "${other}") { id name gender birthDate phone address socialSecurity { accountNumber pensionBalance } incomeTax(year: 2025) { income } } }`,
    `{ company(uscc: "${uscc}") { legalRepresentative { id name phone address birthDate incomeTax(year: 2025) { income } } } }`,
    `{ company(uscc: "${uscc}") { shareholders { holdings { holderName sharePercent holder { id name phone } } } } }`,
    `{ searchCompanies(name: "科技", first: 20) { legalRepresentative { id name } shareholders { holdings { holderName holder { id } } } } }`,
    `{ me { socialSecurity { employer { legalRepresentative { id name } shareholders { holdings { holderName holder { id name } } } } } } }`,
    `{ me { legalRepresentativeOf { shareholders { holdings { holderName holder { id name phone socialSecurity { accountNumber } } } } legalRepresentative { id } } } }`,
    `{ me { shareholdings { company { shareholders { holdings { holderName holder { id name } } } legalRepresentative { id name } } } } }`,
    `{ person(id: "${self}") { shareholdings { company { shareholders { holdings { holder { name } } } } } } }`,
  ];

  it("reads nobody else's personal data through any path of the graph", async () => {
    const { fixtures, residentById } = stack.dataSet;
    const self = fixtures.employeeShareholder;
    const other = fixtures.multiRepresentative;
    const employer = residentById.get(self)!.insurance!.employerUscc!;
    const companies = [employer, fixtures.companyWithManyShareholders, fixtures.companyInArrears];
    const othersSeen = new Set<string>();
    for (const uscc of companies) {
      for (const query of paths(self, other, uscc)) {
        const response = await stack.query(query, undefined, { as: { kind: 'person', sub: self } });
        const text = JSON.stringify(response.data ?? null);
        for (const id of residentIdsIn(response.data)) if (id !== self) othersSeen.add(id);
        for (const holding of stack.dataSet.shareholdingsByCompany.get(uscc) ?? []) {
          if (holding.holderId === self) continue;
          const holder = residentById.get(holding.holderId)!;
          for (const value of personalValuesOf(stack, holder.id))
            expect(text, `${query} leaks a shareholder's data`).not.toContain(value);
        }
        for (const value of personalValuesOf(stack, other))
          expect(text, `${query} leaks another citizen's data`).not.toContain(value);
        // Every refusal says which field and why.
        for (const error of response.errors ?? [])
          expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(error.extensions?.code);
      }
    }
    expect([...othersSeen]).toEqual([]);
  });

  it('reads their own data', async () => {
    const self = stack.dataSet.fixtures.employeeShareholder;
    const response = await stack.query(
      `{ me { id name phone shareholdings { sharePercent company { name } } } }`,
      undefined,
      { as: { kind: 'person', sub: self } },
    );
    expect(response.errors).toBeUndefined();
    const person = stack.dataSet.residentById.get(self)!;
    expect(response.data).toMatchObject({ me: { id: self, name: person.name, phone: person.phone } });
    expect((response.data as { me: { shareholdings: unknown[] } }).me.shareholdings).toHaveLength(
      stack.dataSet.shareholdingsByHolder.get(self)!.length,
    );
  });

  it('gets FORBIDDEN naming the field, with null data, for another person', async () => {
    const response = await stack.query(
      `{ person(id: "${stack.dataSet.fixtures.multiRepresentative}") { name } }`,
      undefined,
      {
        as: { kind: 'person', sub: stack.dataSet.fixtures.employeeShareholder },
      },
    );
    expect(response.data).toEqual({ person: null });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'Query.person' } });
    expect(response.errors?.[0]?.message).not.toMatch(/Not Authorised/);
  });
});

describe('a company', () => {
  it("reads no other company's tax or social insurance details", async () => {
    const { fixtures } = stack.dataSet;
    const me = fixtures.companyWithTwoShareholders;
    const other = fixtures.companyInArrears;
    const response = await stack.query(
      `{ company(uscc: "${other}") { name tax { creditRating arrears registeredOn filings(year: 2025) { amount } } socialInsurance { accountNumber arrears insuredHeadcount } shareholders { holdings { holderName } } legalRepresentative { id } } }`,
      undefined,
      { as: { kind: 'company', sub: me } },
    );
    const company = (response.data as { company: Record<string, unknown> & { tax: Record<string, unknown> } }).company;
    expect(company.name).toBe(stack.dataSet.companyByUscc.get(other)!.name);
    expect(company.tax.arrears).toBeNull();
    expect(company.tax.registeredOn).toBeNull();
    expect(company.tax.filings).toBeNull();
    expect(company.socialInsurance).toBeNull();
    expect(company.shareholders).toBeNull();
    expect(company.legalRepresentative).toBeNull();
    const forbidden = (response.errors ?? [])
      .filter((error) => error.extensions?.code === 'FORBIDDEN')
      .map((error) => error.extensions?.field);
    expect(forbidden).toEqual(
      expect.arrayContaining([
        'TaxProfile.arrears',
        'TaxProfile.registeredOn',
        'TaxProfile.filings',
        'Company.socialInsurance',
        'Company.shareholders',
        'Company.legalRepresentative',
      ]),
    );
  });

  it('reads its own', async () => {
    const me = stack.dataSet.fixtures.companyInArrears;
    const response = await stack.query(
      `{ company(uscc: "${me}") { tax { arrears } socialInsurance { accountNumber } shareholders { holdings { holderName } } } }`,
      undefined,
      { as: { kind: 'company', sub: me } },
    );
    expect(response.errors).toBeUndefined();
    expect((response.data as { company: { tax: { arrears: string } } }).company.tax.arrears).toBe('1234567.89');
  });
});

describe('an anonymous caller', () => {
  it('reads the public registry and nothing personal', async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const response = await stack.query(
      `{ company(uscc: "${uscc}") { name legalRepresentativeName legalRepresentative { id } tax { creditRating } } }`,
    );
    const held = stack.dataSet.companyByUscc.get(uscc)!;
    expect(response.data).toEqual({
      company: {
        name: held.name,
        legalRepresentativeName: stack.dataSet.residentById.get(held.legalRepresentativeId)!.name,
        legalRepresentative: null,
        tax: null,
      },
    });
    expect(residentIdsIn(response.data).size).toBe(0);
  });
});
