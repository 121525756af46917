// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CitizenDashboardQuery, MyAccessLogQuery } from '../../../examples/generated/client/graphql.js';
import type { Session } from '../graphql.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer, type GraphAnswer } from '../testing/stubPortalServer.js';
import { dashboardPage } from './dashboardPage.js';

const RESIDENT_ID = '110105194912310021';
const CITIZEN: Session = {
  token: 'token-of-the-citizen',
  kind: 'person',
  sub: RESIDENT_ID,
  label: 'Li Si',
  purpose: null,
  home: '#/me',
};

type Me = NonNullable<CitizenDashboardQuery['me']>;
type Access = NonNullable<NonNullable<NonNullable<MyAccessLogQuery['me']>['dataAccessLog']>['accesses']>[number];

function me(overrides: Partial<Me> = {}): Me {
  return {
    id: RESIDENT_ID,
    name: 'Li Si',
    gender: 'FEMALE',
    birthDate: '1949-12-31',
    phone: '13800001234',
    address: '2 Test Street',
    socialSecurity: {
      accountNumber: 'SS-1',
      status: 'ACTIVE',
      contributionBase: '8000.00',
      pensionBalance: '123456.78',
      medicalBalance: '2345.60',
      employer: { uscc: '91310000TESTCO001X', name: 'Test Co.', tax: null },
    },
    legalRepresentativeOf: [
      {
        uscc: '91310000TESTCO001X',
        name: 'Test Co.',
        status: 'ACTIVE',
        tax: { taxpayerType: null, creditRating: 'B' },
      },
    ],
    incomeTax: { year: 2025, income: '240000.00', taxPaid: '12000.00', taxDue: '11000.00', refundDue: '1000.00' },
    ...overrides,
  };
}

function officerAccess(overrides: Partial<Access> = {}): Access {
  return {
    at: '2026-01-15T09:30:00.000Z',
    department: 'tax',
    purpose: 'tax-audit',
    accessor: { kind: 'OFFICER', roles: ['tax-officer'], department: 'tax', self: false },
    fields: [
      { field: 'Person.name', decision: 'ALLOWED' },
      { field: 'Person.phone', decision: 'MASKED' },
      { field: 'IncomeTaxReturn.income', decision: 'ALLOWED' },
      { field: 'SocialSecurityAccount.pensionBalance', decision: 'DENIED' },
    ],
    ...overrides,
  };
}

function log(accesses: Access[] | null): MyAccessLogQuery {
  return { me: { id: RESIDENT_ID, dataAccessLog: { accesses, endCursor: null, hasNextPage: false } } };
}

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function openDashboard(
  dashboard: GraphAnswer<CitizenDashboardQuery>,
  accessLog: GraphAnswer<MyAccessLogQuery> = { data: log([]) },
) {
  const server = stubPortalServer({ graph: { CitizenDashboard: () => dashboard, MyAccessLog: () => accessLog } });
  return { page: frame.show(await dashboardPage(CITIZEN)), server };
}

function fact(page: HTMLElement, section: string, label: string): string | undefined {
  const terms = [...page.querySelectorAll(`[data-section="${section}"] dt`)];
  return terms.find((term) => term.textContent === label)?.nextElementSibling?.textContent ?? undefined;
}

describe('dashboard page', () => {
  it('shows a citizen their details, social security, income tax and companies', async () => {
    const { page, server } = await openDashboard({ data: { me: me() } });
    expect(page.querySelector('h1')?.textContent).toBe('Welcome, Li Si');
    expect(fact(page, 'details', 'Gender')).toBe('Female');
    expect(fact(page, 'social-security', 'Pension account')).toBe('¥123,456.78');
    expect(page.querySelector('[data-section="social-security"] a')?.getAttribute('href')).toBe(
      '#/company/91310000TESTCO001X',
    );
    expect(fact(page, 'income-tax', 'Income')).toBe('¥240,000.00');
    expect(page.querySelector('[data-section="companies"] li')?.textContent).toContain('Tax credit rating: B');
    expect(page.querySelector('[data-section="access-log"]')?.textContent).toContain('Nobody yet.');
    expect(server.sent.map((sent) => [sent.operationName, sent.variables])).toEqual(
      expect.arrayContaining([
        ['CitizenDashboard', { year: new Date().getUTCFullYear() - 1 }],
        ['MyAccessLog', { first: 10 }],
      ]),
    );
  });

  it('asks anyone but a signed-in citizen to sign in as one, and asks the graph nothing', async () => {
    const server = stubPortalServer({});
    const page = frame.show(await dashboardPage({ ...CITIZEN, kind: 'company', sub: '91310000TESTCO001X' }));
    expect(page.textContent).toContain('Sign in as a citizen to see your dashboard.');
    expect(frame.show(await dashboardPage(null)).textContent).toContain('Sign in as a citizen');
    expect(server.sent).toEqual([]);
  });

  it('names the tax bureau when it is down and shows everything else', async () => {
    const { page } = await openDashboard({
      data: { me: me({ incomeTax: null, legalRepresentativeOf: [{ ...me().legalRepresentativeOf![0]!, tax: null }] }) },
      errors: [
        {
          message: 'The tax bureau is not answering',
          path: ['me', 'incomeTax'],
          extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'tax' },
        },
        {
          message: 'The tax bureau is not answering',
          path: ['me', 'legalRepresentativeOf', 0, 'tax'],
          extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'tax' },
        },
      ],
    });
    // One notice for the department, however many of its fields failed.
    expect(frame.notices.querySelectorAll('[data-department-down]')).toHaveLength(1);
    expect(frame.notices.querySelector('[data-department-down="tax"]')?.textContent).toContain(
      'The tax bureau is not answering right now.',
    );
    expect(page.querySelector('[data-section="income-tax"] [data-unavailable="tax"]')?.textContent).toBe(
      'Not available right now: the tax bureau is not answering.',
    );
    expect(page.querySelector('[data-section="companies"] li')?.textContent).toContain(
      'Tax credit rating: unavailable right now',
    );
    expect(fact(page, 'details', 'Name')).toBe('Li Si');
    expect(fact(page, 'social-security', 'Account')).toBe('SS-1');
  });

  it('shows "not shown to you" for a field the policy withholds', async () => {
    const { page } = await openDashboard({
      data: { me: me({ phone: null, address: null }) },
      errors: [{ message: 'Not allowed', path: ['me', 'phone'], extensions: { code: 'FORBIDDEN' } }],
    });
    expect(fact(page, 'details', 'Mobile')).toBe('not shown to you');
    // Null without an error: nothing recorded, not a refusal.
    expect(fact(page, 'details', 'Address')).toBe('—');
    expect(frame.notices.childElementCount).toBe(0);
  });

  it('says why there is no dashboard when the citizen cannot be read', async () => {
    const { page } = await openDashboard({
      data: { me: null },
      errors: [{ message: 'Not allowed', path: ['me'], extensions: { code: 'FORBIDDEN' } }],
    });
    expect(page.querySelector('[data-denied="me"]')?.textContent).toBe('Not shown to you.');
  });

  it('shows other failures as notices, at most three', async () => {
    const failure = { message: 'Something failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    await openDashboard({ data: { me: me() }, errors: [failure, failure, failure, failure] });
    expect(frame.notices.querySelectorAll('[data-error="INTERNAL_SERVER_ERROR"]')).toHaveLength(3);
  });
});

describe('dashboard page: who looked at my data', () => {
  it('shows an officer by role and department, what was read by type, and what was refused or masked', async () => {
    const { page } = await openDashboard({ data: { me: me() } }, { data: log([officerAccess()]) });
    const cells = [...page.querySelectorAll('[data-section="access-log"] tbody td')];
    expect(cells.map((cell) => cell.firstChild?.textContent)).toEqual([
      expect.stringContaining('2026'),
      'tax',
      'an officer (tax-officer, tax)',
      'tax-audit',
      'Person (2), IncomeTaxReturn (1), SocialSecurityAccount (1)',
    ]);
    expect(cells[4]!.textContent).toContain('1 refused');
    expect(cells[4]!.textContent).toContain('1 masked');
    expect(cells[4]!.getAttribute('title')).toContain('SocialSecurityAccount.pensionBalance: denied');
  });

  it('shows the citizen\'s own reads as "you", and other callers by kind', async () => {
    const { page } = await openDashboard(
      { data: { me: me() } },
      {
        data: log([
          officerAccess({ accessor: { kind: 'PERSON', roles: [], department: null, self: true } }),
          officerAccess({ accessor: { kind: 'COMPANY', roles: [], department: null, self: false } }),
          officerAccess({ accessor: { kind: 'OFFICER', roles: [], department: null, self: false } }),
        ]),
      },
    );
    const who = [...page.querySelectorAll('[data-section="access-log"] tbody tr')].map(
      (row) => row.children[2]?.textContent,
    );
    expect(who).toEqual(['you', 'company', 'an officer (no role)']);
  });

  it('keeps the dashboard when the access log is down', async () => {
    const { page } = await openDashboard(
      { data: { me: me() } },
      {
        data: { me: { id: RESIDENT_ID, dataAccessLog: null } },
        errors: [
          {
            message: 'The city data centre is not answering',
            path: ['me', 'dataAccessLog'],
            extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'platform' },
          },
        ],
      },
    );
    expect(frame.notices.querySelector('[data-department-down="platform"]')?.textContent).toContain(
      'The city data centre (access log) is not answering right now.',
    );
    expect(page.querySelector('[data-section="access-log"] [data-unavailable="platform"]')).not.toBeNull();
    expect(fact(page, 'details', 'Name')).toBe('Li Si');
  });

  it("sets the log's text as text, never as HTML", async () => {
    const hostile = '<img src=x onerror="window.hacked = true">';
    const { page } = await openDashboard(
      { data: { me: me({ name: hostile }) } },
      { data: log([officerAccess({ purpose: hostile, fields: [{ field: hostile, decision: 'ALLOWED' }] })]) },
    );
    expect(document.querySelector('img')).toBeNull();
    expect(page.querySelector('h1')?.textContent).toBe(`Welcome, ${hostile}`);
    expect(page.querySelector('[data-section="access-log"] tbody')?.textContent).toContain(hostile);
  });
});
