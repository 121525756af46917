// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompanyProfileQuery } from '../../../examples/generated/client/graphql.js';
import type { Session } from '../graphql.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer, type GraphAnswer } from '../testing/stubPortalServer.js';
import { companyPage } from './companyPage.js';

const USCC = '91310000TESTCO001X';
const OWN_SESSION: Session = {
  token: 'token-of-the-company',
  kind: 'company',
  sub: USCC,
  label: 'Test Co.',
  purpose: null,
  home: `#/company/${USCC}`,
};
const CITIZEN: Session = {
  token: 'token-of-a-citizen',
  kind: 'person',
  sub: '110105194912310021',
  label: 'A citizen',
  purpose: null,
  home: '#/me',
};

type Company = NonNullable<CompanyProfileQuery['company']>;

/** A company as its own profile reads it: every department answered and gave everything. */
function fullCompany(overrides: Partial<Company> = {}): Company {
  return {
    uscc: USCC,
    name: 'Test Technology Co., Ltd.',
    legalForm: 'Limited liability company',
    status: 'ACTIVE',
    establishedOn: '2015-03-02',
    registeredCapital: '12345678.50',
    address: '1 Test Road',
    businessScope: 'Software',
    legalRepresentativeName: 'Zhang San',
    shareholders: {
      totalCount: 1,
      hasNextPage: false,
      endCursor: 'c1',
      holdings: [{ holderName: 'Zhang San', sharePercent: 100, subscribedCapital: '12345678.50', holder: null }],
    },
    tax: {
      taxpayerType: 'GENERAL',
      registeredOn: '2015-04-01',
      creditRating: 'A',
      arrears: '0.00',
      filings: [{ period: '2025-01', taxKind: 'VAT', amount: '1234.00', filedOn: '2025-02-10' }],
    },
    socialInsurance: { accountNumber: 'SI-1', insuredHeadcount: 12, arrears: '1000000.00', lastPaidPeriod: '2025-12' },
    ...overrides,
  };
}

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function openProfile(answer: GraphAnswer<CompanyProfileQuery>, session: Session | null = OWN_SESSION) {
  const server = stubPortalServer({ graph: { CompanyProfile: () => answer } });
  const page = frame.show(await companyPage(USCC, session));
  return { page, server };
}

/** The text of a definition list's value for a label, within a section. */
function fact(page: HTMLElement, section: string, label: string): string | undefined {
  const terms = [...page.querySelectorAll(`[data-section="${section}"] dt`)];
  return terms.find((term) => term.textContent === label)?.nextElementSibling?.textContent ?? undefined;
}

describe('company page', () => {
  it('shows a company its own profile, with money grouped by thousands', async () => {
    const { page, server } = await openProfile({ data: { company: fullCompany() } });
    expect(page.querySelector('h1')?.textContent).toBe('Test Technology Co., Ltd. ACTIVE');
    expect(page.querySelector('[data-viewer]')?.getAttribute('data-viewer')).toBe('self');
    expect(fact(page, 'registry', 'Registered capital')).toBe('¥12,345,678.50');
    expect(fact(page, 'social-insurance', 'Arrears')).toBe('¥1,000,000.00');
    expect(fact(page, 'tax', 'Credit rating')).toBe('A');
    expect(page.querySelector('[data-filings] tbody')?.textContent).toContain('VAT');
    expect(frame.notices.childElementCount).toBe(0);
    // Sent by its hash alone, for this company and last year.
    expect(server.sent).toEqual([
      expect.objectContaining({ operationName: 'CompanyProfile', variables: { uscc: USCC, year: expect.any(Number) } }),
    ]);
    expect(server.sent[0]!.query).toBeUndefined();
  });

  it('says whose view it is: another caller, or an anonymous visitor', async () => {
    const company = fullCompany({ tax: null, socialInsurance: null, shareholders: null });
    const asCitizen = await openProfile({ data: { company } }, CITIZEN);
    expect(asCitizen.page.querySelector('[data-viewer]')?.textContent).toBe(
      'You see what a person may see of another company.',
    );
    vi.unstubAllGlobals();
    const anonymous = await openProfile({ data: { company } }, null);
    expect(anonymous.page.querySelector('[data-viewer]')?.getAttribute('data-viewer')).toBe('anonymous');
    expect(anonymous.page.querySelector('[data-viewer]')?.textContent).toContain('only the public registry data');
  });

  it('shows the hint instead of a section or a value the policy withholds', async () => {
    const company = fullCompany({
      shareholders: null,
      tax: { ...fullCompany().tax!, arrears: null },
    });
    const { page } = await openProfile(
      {
        data: { company },
        errors: [
          { message: 'Not allowed', path: ['company', 'shareholders'], extensions: { code: 'FORBIDDEN' } },
          { message: 'Not allowed', path: ['company', 'tax', 'arrears'], extensions: { code: 'FORBIDDEN' } },
        ],
      },
      CITIZEN,
    );
    expect(page.querySelector('[data-denied="company.shareholders"]')?.textContent).toBe(
      'Not shown to you: the privacy policy does not give you the shareholder register.',
    );
    expect(fact(page, 'tax', 'Arrears')).toBe('not shown to you');
    expect(fact(page, 'tax', 'Credit rating')).toBe('A');
    // A refusal is the policy at work, not a failure: no notice.
    expect(frame.notices.childElementCount).toBe(0);
  });

  it('names a department that is down and shows the rest of the page', async () => {
    const { page } = await openProfile({
      data: { company: fullCompany({ socialInsurance: null }) },
      errors: [
        {
          message: 'The social security bureau is not answering',
          path: ['company', 'socialInsurance'],
          extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'social' },
        },
      ],
    });
    const notice = frame.notices.querySelector('[data-department-down="social"]');
    expect(notice?.textContent).toContain('The social security bureau is not answering right now.');
    expect(page.querySelector('[data-section="social-insurance"] [data-unavailable="social"]')?.textContent).toBe(
      'Not available right now: the social security bureau is not answering.',
    );
    expect(fact(page, 'registry', 'USCC')).toBe(USCC);
    expect(fact(page, 'tax', 'Taxpayer type')).toBe('GENERAL');
  });

  it('says so when the registry does not know the company', async () => {
    const { page } = await openProfile({ data: { company: null } });
    expect(page.textContent).toContain('The registry does not know this company.');
  });

  it('sets text from the graph as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.hacked = true">';
    const { page } = await openProfile({
      data: {
        company: fullCompany({
          name: hostile,
          address: hostile,
          shareholders: { ...fullCompany().shareholders!, holdings: [{ ...holding(1), holderName: hostile }] },
        }),
      },
    });
    expect(document.querySelector('img')).toBeNull();
    expect(page.querySelector('h1')?.textContent).toContain(hostile);
    expect(fact(page, 'registry', 'Address')).toBe(hostile);
    expect(page.querySelector('[data-section="shareholders"] tbody')?.textContent).toContain(hostile);
  });
});

function holding(n: number) {
  return { holderName: `Holder ${n}`, sharePercent: 10, subscribedCapital: `${n}000000.00`, holder: null };
}

describe('company page: shareholders', () => {
  it('pages through the shareholders from the last end cursor until the last page', async () => {
    const pages = [
      { holdings: [holding(3), holding(4)], endCursor: 'c4', hasNextPage: true },
      { holdings: [holding(5)], endCursor: 'c5', hasNextPage: false },
    ];
    const server = stubPortalServer({
      graph: {
        CompanyProfile: () => ({
          data: {
            company: fullCompany({
              shareholders: { totalCount: 5, hasNextPage: true, endCursor: 'c2', holdings: [holding(1), holding(2)] },
            }),
          },
        }),
        CompanyShareholders: () => {
          const next = pages.shift()!;
          return { data: { company: { uscc: USCC, shareholders: { totalCount: 5, ...next } } } };
        },
      },
    });
    const page = frame.show(await companyPage(USCC, OWN_SESSION));
    const count = () => page.querySelector('[data-shareholder-count]')?.textContent;
    const rows = () => page.querySelectorAll('[data-section="shareholders"] tbody tr').length;
    const more = () => page.querySelector<HTMLButtonElement>('[data-action="more-shareholders"]');
    expect(count()).toBe('2 of 5 shareholders shown');
    expect(page.querySelector('[data-section="shareholders"] tbody td:last-child')?.textContent).toBe('¥1,000,000.00');

    more()!.click();
    await vi.waitFor(() => expect(rows()).toBe(4));
    expect(count()).toBe('4 of 5 shareholders shown');
    expect(more()?.disabled).toBe(false);

    more()!.click();
    await vi.waitFor(() => expect(rows()).toBe(5));
    expect(count()).toBe('5 of 5 shareholders shown');
    expect(more()).toBeNull();
    expect(
      server.sent.filter((sent) => sent.operationName === 'CompanyShareholders').map((sent) => sent.variables),
    ).toEqual([
      { uscc: USCC, first: 20, after: 'c2' },
      { uscc: USCC, first: 20, after: 'c4' },
    ]);
  });

  it('offers no "Show more" when the first page is the last', async () => {
    const { page } = await openProfile({ data: { company: fullCompany() } });
    expect(page.querySelector('[data-action="more-shareholders"]')).toBeNull();
    expect(page.querySelector('[data-shareholder-count]')?.textContent).toBe('1 of 1 shareholders shown');
  });
});
