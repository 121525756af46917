import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** A social officer handling a claim: allowed to look people up, so only the input decides. */
const SOCIAL_OFFICER = {
  as: { kind: 'officer' as const, sub: 'staff-3', roles: ['social-officer'] },
  purpose: 'benefit-claim',
};

async function expectBadInput(query: string, argument: string, reason: RegExp) {
  await stack.resetLegacy();
  const response = await stack.query(query, undefined, SOCIAL_OFFICER);
  expect(response.status).toBe(200);
  const error = response.errors?.[0];
  expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error?.extensions?.argument).toBe(argument);
  expect(error?.message).toMatch(reason);
  // Checked before any legacy call.
  const stats = await stack.legacyStats();
  expect(stats.market.total + stats.tax.total + stats.social.total).toBe(0);
  return response;
}

describe('invalid input', () => {
  it('rejects a USCC with a bad check digit, saying so without echoing it', async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const response = await expectBadInput(`{ company(uscc: "${wrong}") { name } }`, 'uscc', /check character/);
    expect(response.errors![0]!.message).not.toContain(wrong);
  });

  it('rejects a USCC of the wrong length or alphabet', async () => {
    await expectBadInput('{ company(uscc: "9133") { name } }', 'uscc', /18 characters/);
    await expectBadInput('{ company(uscc: "91330105KCNBGT44PI") { name } }', 'uscc', /without I, O, S, V and Z/);
  });

  it('rejects a resident ID with a bad check digit', async () => {
    const id = stack.dataSet.fixtures.multiRepresentative;
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    await expectBadInput(`{ person(id: "${wrong}") { name } }`, 'id', /check digit/);
  });

  it('rejects an impossible birth date inside a resident ID', async () => {
    await expectBadInput('{ person(id: "330106198202304641") { name } }', 'id', /birth date/);
  });

  it('rejects an empty search and an out-of-range page size', async () => {
    await expectBadInput('{ searchCompanies(name: "  ") { uscc } }', 'name', /at least one character/);
    await expectBadInput('{ searchCompanies(name: "科技", first: 0) { uscc } }', 'first', /1 to 100/);
    await expectBadInput('{ searchCompanies(name: "科技", first: 1000) { uscc } }', 'first', /1 to 100/);
  });

  it('rejects malformed contribution periods and a reversed range', async () => {
    const asSelf = { as: { kind: 'person' as const, sub: stack.dataSet.fixtures.multiRepresentative } };
    const response = await stack.query(
      `{ me { socialSecurity { contributions(from: "2024-13", to: "2025-01") { period } } } }`,
      undefined,
      asSelf,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    const reversed = await stack.query(
      `{ me { socialSecurity { contributions(from: "2025-01", to: "2024-01") { period } } } }`,
      undefined,
      asSelf,
    );
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  });

  it('refuses a malformed Period at the gateway, literal or variable, before any department is asked', async () => {
    const asSelf = { as: { kind: 'person' as const, sub: stack.dataSet.fixtures.multiRepresentative } };
    await stack.resetLegacy();
    const literal = await stack.query(
      `{ me { socialSecurity { monthlyContributions(from: "2026-13", to: "2026-10") { period } } } }`,
      undefined,
      asSelf,
    );
    expect(literal.status).toBe(400);
    expect(literal.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([
      ['BAD_USER_INPUT', 'from'],
    ]);
    expect(literal.errors![0]!.message).toMatch(/YYYY-MM/);
    // A department's refusal names the department (serviceName); the gateway's does not.
    expect(literal.errors![0]!.extensions?.serviceName).toBeUndefined();
    const byVariable = await stack.query(
      `query ($to: Period!) { me { socialSecurity { monthlyContributions(from: "2026-01", to: $to) { period } } } }`,
      { to: '1899-12' },
      asSelf,
    );
    expect(byVariable.status).toBe(400);
    expect(byVariable.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([
      ['BAD_USER_INPUT', 'to'],
    ]);
    expect(byVariable.errors![0]!.message).toMatch(/from 1900 to 2099/);
    const stats = await stack.legacyStats();
    expect(stats.market.total + stats.tax.total + stats.social.total).toBe(0);
  });

  it('rejects income tax years before annual reconciliation existed', async () => {
    const id = stack.dataSet.fixtures.multiRepresentative;
    const response = await stack.query(`{ me { name incomeTax(year: 1990) { income } } }`, undefined, {
      as: { kind: 'person', sub: id },
    });
    expect(response.data).toMatchObject({ me: { name: stack.dataSet.residentById.get(id)!.name, incomeTax: null } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });
});

describe('unknown but valid keys', () => {
  it('gives null for a valid USCC the registry does not know', async () => {
    const known = new Set(stack.dataSet.companies.map((company) => company.uscc));
    const unknown = '91350100M000100Y43';
    expect(known.has(unknown)).toBe(false);
    const response = await stack.query(`{ company(uscc: "${unknown}") { name tax { arrears } } }`, undefined, {
      as: { kind: 'company', sub: unknown },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ company: null });
  });

  it('gives null for a valid resident ID nobody holds', async () => {
    const unknown = '11010519491231002X';
    expect(stack.dataSet.residentById.has(unknown)).toBe(false);
    const response = await stack.query(`{ person(id: "${unknown}") { name } }`, undefined, SOCIAL_OFFICER);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ person: null });
  });

  it('accepts a lower-case x check digit as the same resident', async () => {
    const withX = stack.dataSet.residents.find((resident) => resident.id.endsWith('X'))!;
    const response = await stack.query(`{ person(id: "${withX.id.toLowerCase()}") { id name } }`, undefined, {
      as: { kind: 'person', sub: withX.id },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ person: { id: withX.id, name: withX.name } });
  });
});
