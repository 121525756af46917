/**
 * The reference portal's browser script: a development sign-in, the citizen dashboard, the
 * company profile and company search. It sends only the portal's trusted documents (by hash) and
 * is typed by their generated types (examples/generated/client/). A department that is down costs
 * only its own sections: a notice names it, and the rest of the page is shown.
 */
import {
  CitizenDashboardDocument,
  CompanyProfileDocument,
  CompanyShareholdersDocument,
  MyAccessLogDocument,
  SearchCompaniesDocument,
  type CompanyProfileQuery,
  type CompanyShareholdersQuery,
  type MyAccessLogQuery,
} from '../../examples/generated/client/graphql.js';
import { facts, h, moment, money, type Child } from './dom.js';
import { run, type GraphError, type Session } from './graphql.js';

const TAX_KINDS: Record<string, string> = {
  VAT: 'VAT',
  CORPORATE_INCOME_TAX: 'Corporate income tax',
  INDIVIDUAL_INCOME_TAX_WITHHOLDING: 'Individual income tax withheld',
  STAMP_DUTY: 'Stamp duty',
};
const TAX_YEAR = new Date().getUTCFullYear() - 1;
const SESSION_KEY = 'city-portal-session';
const PAGE_SIZE = 20;

const DEPARTMENT_NAMES: Record<string, string> = {
  market: 'the market regulator (enterprise registry)',
  tax: 'the tax bureau',
  social: 'the social security bureau',
  platform: 'the city data centre (access log)',
};

const app = document.getElementById('app')!;
const notices = document.getElementById('notices')!;
const sessionBox = document.getElementById('session')!;

function loadSession(): Session | null {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
  } catch {
    return null;
  }
}

function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

// ---- errors: which part of the answer is missing, and why ----

type Path = ReadonlyArray<string | number>;

/** The error that made the value at `path` null: one at that path or at a parent of it. */
function errorAt(errors: readonly GraphError[], path: Path): GraphError | undefined {
  return errors.find(
    (error) =>
      error.path !== undefined && error.path.length <= path.length && error.path.every((part, i) => part === path[i]),
  );
}

/** A value, or why it is missing: not shown to this caller, or its department is down. */
function value(errors: readonly GraphError[], path: Path, shown: Child): Child {
  if (shown !== null && shown !== undefined && shown !== '') return shown;
  const error = errorAt(errors, path);
  if (error?.extensions?.code === 'FORBIDDEN') return h('span', { class: 'denied' }, 'not shown to you');
  if (error?.extensions?.code === 'DEPARTMENT_UNAVAILABLE')
    return h('span', { class: 'denied' }, 'unavailable right now');
  return '—';
}

/** The body of a section whose root is null: why, in a sentence. */
function missingSection(errors: readonly GraphError[], path: Path, none: string, deniedHint: string): HTMLElement {
  const error = errorAt(errors, path);
  if (error?.extensions?.code === 'FORBIDDEN')
    return h('p', { class: 'denied', 'data-denied': path.join('.') }, deniedHint);
  if (error?.extensions?.code === 'DEPARTMENT_UNAVAILABLE') {
    const department = error.extensions.department ?? '';
    return h(
      'p',
      { class: 'denied', 'data-unavailable': department },
      `Not available right now: ${DEPARTMENT_NAMES[department] ?? 'a department'} is not answering.`,
    );
  }
  return h('p', { class: 'muted' }, none);
}

/** One notice per department that did not answer, and one for any other failure. */
function showNotices(errors: readonly GraphError[]): void {
  const down = [
    ...new Set(
      errors
        .filter((error) => error.extensions?.code === 'DEPARTMENT_UNAVAILABLE')
        .map((error) => error.extensions?.department ?? 'unknown'),
    ),
  ];
  for (const department of down) {
    notices.append(
      h(
        'div',
        { class: 'notice', 'data-department-down': department },
        h('strong', {}, `${capitalise(DEPARTMENT_NAMES[department] ?? department)} is not answering right now.`),
        ' Its part of this page is missing; everything else shown is current. Try again in a few minutes.',
      ),
    );
  }
  const other = errors.filter(
    (error) => !['DEPARTMENT_UNAVAILABLE', 'FORBIDDEN'].includes(error.extensions?.code ?? ''),
  );
  for (const error of other.slice(0, 3))
    notices.append(h('div', { class: 'notice error', 'data-error': error.extensions?.code ?? '' }, error.message));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- pages ----

function renderSessionBox(session: Session | null): void {
  sessionBox.replaceChildren(
    ...(session
      ? [
          h('span', { 'data-signed-in': session.kind }, `Signed in: ${session.label}`),
          ...(session.kind === 'person' ? [h('a', { class: 'button', href: '#/me' }, 'My dashboard')] : []),
          button('Sign out', () => {
            saveSession(null);
            location.hash = '#/sign-in';
          }),
        ]
      : [h('a', { class: 'button', href: '#/sign-in' }, 'Sign in')]),
  );
}

function button(label: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

async function signInPage(): Promise<HTMLElement[]> {
  const response = await fetch('/dev/fixtures');
  if (!response.ok)
    return [
      h('h1', {}, 'Sign in'),
      h('p', {}, 'Development sign-in is off here: sign in with the city’s identity provider.'),
    ];
  const fixtures = (await response.json()) as Array<{ id: string; label: string; about: string; kind: string }>;
  return [
    h('h1', {}, 'Sign in (development)'),
    h(
      'p',
      { class: 'muted' },
      'Pick a named fixture of the data set; the development issuer signs a token for it (1 hour).',
    ),
    h(
      'div',
      { class: 'fixtures' },
      fixtures.map((fixture) =>
        (() => {
          const choose = h(
            'button',
            { type: 'button', class: 'fixture', 'data-fixture': fixture.id },
            h('strong', {}, fixture.label),
            h('span', {}, fixture.about),
          );
          choose.addEventListener('click', () => void signIn(fixture.id));
          return choose;
        })(),
      ),
    ),
    h('p', {}, h('a', { href: '#/search/科技' }, 'Or browse public company data without signing in.')),
  ];
}

async function signIn(fixture: string): Promise<void> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fixture }),
  });
  if (!response.ok) {
    notices.replaceChildren(h('div', { class: 'notice error' }, 'Sign-in failed.'));
    return;
  }
  const session = (await response.json()) as Session;
  saveSession(session);
  location.hash = session.home;
}

async function dashboardPage(session: Session | null): Promise<HTMLElement[]> {
  if (session?.kind !== 'person')
    return [h('h1', {}, 'My dashboard'), h('p', {}, 'Sign in as a citizen to see your dashboard.')];
  const [dashboard, log] = await Promise.all([
    run(CitizenDashboardDocument, { year: TAX_YEAR }, session),
    run(MyAccessLogDocument, { first: 10 }, session),
  ]);
  const errors = [...dashboard.errors, ...log.errors];
  showNotices(errors);
  const me = dashboard.data?.me;
  if (!me) return [h('h1', {}, 'My dashboard'), missingSection(errors, ['me'], 'No data.', 'Not shown to you.')];
  const e = dashboard.errors;
  const account = me.socialSecurity;
  const income = me.incomeTax;
  return [
    h('h1', {}, `Welcome, ${me.name ?? 'resident'}`),
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card', 'data-section': 'details' },
        h('h2', {}, 'My details'),
        facts([
          ['Resident ID', me.id],
          ['Name', value(e, ['me', 'name'], me.name)],
          [
            'Gender',
            value(e, ['me', 'gender'], me.gender === 'FEMALE' ? 'Female' : me.gender === 'MALE' ? 'Male' : null),
          ],
          ['Born', value(e, ['me', 'birthDate'], me.birthDate)],
          ['Mobile', value(e, ['me', 'phone'], me.phone)],
          ['Address', value(e, ['me', 'address'], me.address)],
        ]),
      ),
      h(
        'section',
        { class: 'card', 'data-section': 'social-security' },
        h('h2', {}, 'My social security'),
        account
          ? facts([
              ['Account', value(e, ['me', 'socialSecurity', 'accountNumber'], account.accountNumber)],
              ['Status', value(e, ['me', 'socialSecurity', 'status'], account.status)],
              ['Contribution base', money(account.contributionBase)],
              ['Pension account', money(account.pensionBalance)],
              ['Medical account', money(account.medicalBalance)],
              [
                'Employer',
                account.employer
                  ? h('a', { href: `#/company/${account.employer.uscc}` }, account.employer.name)
                  : 'none',
              ],
            ])
          : missingSection(e, ['me', 'socialSecurity'], 'You have no social insurance account.', 'Not shown to you.'),
      ),
      h(
        'section',
        { class: 'card', 'data-section': 'income-tax' },
        h('h2', {}, `My income tax ${TAX_YEAR}`),
        income
          ? facts([
              ['Income', money(income.income)],
              ['Tax paid', money(income.taxPaid)],
              ['Tax due', money(income.taxDue)],
              ['Refund due to you', money(income.refundDue)],
            ])
          : missingSection(e, ['me', 'incomeTax'], `No return filed for ${TAX_YEAR}.`, 'Not shown to you.'),
      ),
      h(
        'section',
        { class: 'card', 'data-section': 'companies' },
        h('h2', {}, 'Companies I represent'),
        me.legalRepresentativeOf && me.legalRepresentativeOf.length > 0
          ? h(
              'ul',
              { class: 'plain' },
              me.legalRepresentativeOf.map((company, index) =>
                h(
                  'li',
                  {},
                  h('a', { href: `#/company/${company.uscc}` }, company.name),
                  ' ',
                  h('span', { class: `badge ${company.status}` }, company.status),
                  h(
                    'div',
                    { class: 'muted' },
                    'Tax credit rating: ',
                    value(e, ['me', 'legalRepresentativeOf', index, 'tax', 'creditRating'], company.tax?.creditRating),
                  ),
                ),
              ),
            )
          : missingSection(e, ['me', 'legalRepresentativeOf'], 'You represent no company.', 'Not shown to you.'),
      ),
      accessLogSection(log.data, log.errors),
    ),
  ];
}

function accessLogSection(data: MyAccessLogQuery | null, errors: readonly GraphError[]): HTMLElement {
  const page = data?.me?.dataAccessLog;
  return h(
    'section',
    { class: 'card wide', 'data-section': 'access-log' },
    h('h2', {}, 'Who looked at my data'),
    page?.accesses
      ? page.accesses.length === 0
        ? h('p', { class: 'muted' }, 'Nobody yet.')
        : h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', {}, 'When'),
                h('th', {}, 'Department'),
                h('th', {}, 'Who'),
                h('th', {}, 'Why'),
                h('th', {}, 'What'),
              ),
            ),
            h(
              'tbody',
              {},
              page.accesses.map((access) =>
                h(
                  'tr',
                  {},
                  h('td', {}, moment(access.at)),
                  h('td', {}, access.department ?? '—'),
                  h('td', {}, accessorText(access.accessor)),
                  h('td', {}, access.purpose ?? '—'),
                  fieldsCell(access.fields ?? []),
                ),
              ),
            ),
          )
      : missingSection(errors, ['me', 'dataAccessLog'], 'No log.', 'Not shown to you.'),
  );
}

/** What was read, by type (`Person (6)`), every field in the title; refused and masked ones counted. */
function fieldsCell(fields: NonNullable<Access['fields']>): HTMLElement {
  const byType = new Map<string, number>();
  for (const { field } of fields) {
    const type = (field ?? '?').split('.')[0]!;
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const refused = fields.filter((field) => field.decision === 'DENIED').length;
  const masked = fields.filter((field) => field.decision === 'MASKED').length;
  return h(
    'td',
    { class: 'wrap', title: fields.map((field) => `${field.field}: ${field.decision?.toLowerCase()}`).join('\n') },
    [...byType].map(([type, count]) => `${type} (${count})`).join(', '),
    refused > 0 ? h('div', { class: 'denied' }, `${refused} refused`) : null,
    masked > 0 ? h('div', { class: 'muted' }, `${masked} masked`) : null,
  );
}

type Access = NonNullable<NonNullable<NonNullable<MyAccessLogQuery['me']>['dataAccessLog']>['accesses']>[number];

function accessorText(accessor: Access['accessor']): string {
  if (!accessor) return '—';
  if (accessor.self) return 'you';
  if (accessor.kind === 'OFFICER')
    return `an officer (${(accessor.roles ?? []).join(', ') || 'no role'}${accessor.department ? `, ${accessor.department}` : ''})`;
  return (accessor.kind ?? 'someone').toLowerCase();
}

type ProfileCompany = NonNullable<CompanyProfileQuery['company']>;
type Holding = NonNullable<
  NonNullable<NonNullable<CompanyShareholdersQuery['company']>['shareholders']>['holdings']
>[number];

async function companyPage(uscc: string, session: Session | null): Promise<HTMLElement[]> {
  const profile = await run(CompanyProfileDocument, { uscc, year: TAX_YEAR }, session);
  const e = profile.errors;
  showNotices(e);
  const company = profile.data?.company;
  if (!company)
    return [
      h('h1', {}, 'Company'),
      missingSection(e, ['company'], 'The registry does not know this company.', 'Not shown to you.'),
    ];
  const own = session?.kind === 'company' && session.sub === company.uscc;
  return [
    h('h1', {}, company.name, ' ', h('span', { class: `badge ${company.status}` }, company.status)),
    h(
      'p',
      { class: 'muted', 'data-viewer': own ? 'self' : session ? session.kind : 'anonymous' },
      own
        ? 'Signed in as this company: you see your own records.'
        : session
          ? `You see what a ${session.kind === 'officer' ? `${session.purpose ?? ''} officer` : session.kind} may see of another company.`
          : 'You are not signed in: only the public registry data is shown.',
    ),
    h(
      'div',
      { class: 'grid' },
      registrySection(company),
      shareholdersSection(company, e, session),
      taxSection(company, e),
      socialSection(company, e),
    ),
  ];
}

function registrySection(company: ProfileCompany): HTMLElement {
  return h(
    'section',
    { class: 'card', 'data-section': 'registry' },
    h('h2', {}, 'Registry'),
    facts([
      ['USCC', company.uscc],
      ['Legal form', company.legalForm],
      ['Established', company.establishedOn],
      ['Registered capital', money(company.registeredCapital)],
      ['Legal representative', company.legalRepresentativeName],
      ['Address', company.address],
      ['Business scope', company.businessScope],
    ]),
  );
}

function shareholdersSection(
  company: ProfileCompany,
  errors: readonly GraphError[],
  session: Session | null,
): HTMLElement {
  const page = company.shareholders;
  const section = h('section', { class: 'card', 'data-section': 'shareholders' }, h('h2', {}, 'Shareholders'));
  if (!page) {
    section.append(
      missingSection(
        errors,
        ['company', 'shareholders'],
        'No shareholders registered.',
        'Not shown to you: the privacy policy does not give you the shareholder register.',
      ),
    );
    return section;
  }
  const body = h('tbody', {});
  const count = h('p', { class: 'muted', 'data-shareholder-count': '' });
  const addRows = (holdings: readonly Holding[] | null | undefined) => {
    for (const holding of holdings ?? [])
      body.append(
        h(
          'tr',
          {},
          h('td', {}, holding.holderName ?? '—'),
          h('td', { class: 'num' }, holding.sharePercent === null ? '—' : `${holding.sharePercent}%`),
          h('td', { class: 'num' }, money(holding.subscribedCapital)),
        ),
      );
    count.textContent = `${body.childElementCount} of ${page.totalCount ?? '?'} shareholders shown`;
  };
  addRows(page.holdings);
  section.append(
    count,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, h('th', {}, 'Holder'), h('th', { class: 'num' }, 'Share'), h('th', { class: 'num' }, 'Subscribed')),
      ),
      body,
    ),
  );
  let after = page.endCursor;
  if (page.hasNextPage) {
    const more = button(
      'Show more',
      () => {
        more.disabled = true;
        void run(CompanyShareholdersDocument, { uscc: company.uscc, first: PAGE_SIZE, after }, session).then((next) => {
          const nextPage = next.data?.company?.shareholders;
          showNotices(next.errors);
          addRows(nextPage?.holdings);
          after = nextPage?.endCursor ?? null;
          more.disabled = false;
          if (!nextPage?.hasNextPage) more.remove();
        });
      },
      { 'data-action': 'more-shareholders' },
    );
    section.append(more);
  }
  return section;
}

function taxSection(company: ProfileCompany, errors: readonly GraphError[]): HTMLElement {
  const tax = company.tax;
  const path = ['company', 'tax'];
  return h(
    'section',
    { class: tax?.filings && tax.filings.length > 0 ? 'card wide' : 'card', 'data-section': 'tax' },
    h('h2', {}, 'Tax'),
    tax
      ? [
          facts([
            ['Taxpayer type', value(errors, [...path, 'taxpayerType'], tax.taxpayerType)],
            ['Credit rating', value(errors, [...path, 'creditRating'], tax.creditRating)],
            ['Registered', value(errors, [...path, 'registeredOn'], tax.registeredOn)],
            ['Arrears', value(errors, [...path, 'arrears'], tax.arrears === null ? null : money(tax.arrears))],
          ]),
          tax.filings && tax.filings.length > 0
            ? h(
                'table',
                { 'data-filings': '' },
                h('caption', { class: 'muted' }, `Returns for ${TAX_YEAR}`),
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    h('th', {}, 'Period'),
                    h('th', {}, 'Tax'),
                    h('th', { class: 'num' }, 'Amount'),
                    h('th', {}, 'Filed'),
                  ),
                ),
                h(
                  'tbody',
                  {},
                  tax.filings.map((filing) =>
                    h(
                      'tr',
                      {},
                      h('td', {}, filing.period),
                      h('td', {}, TAX_KINDS[filing.taxKind ?? ''] ?? filing.taxKind),
                      h('td', { class: 'num' }, money(filing.amount)),
                      h('td', {}, filing.filedOn),
                    ),
                  ),
                ),
              )
            : h('p', {}, 'Returns: ', value(errors, [...path, 'filings'], tax.filings ? 'none this year' : null)),
        ]
      : missingSection(
          errors,
          path,
          'The tax bureau does not know this company.',
          'Not shown to you: the privacy policy does not give you tax details.',
        ),
  );
}

function socialSection(company: ProfileCompany, errors: readonly GraphError[]): HTMLElement {
  const account = company.socialInsurance;
  const path = ['company', 'socialInsurance'];
  return h(
    'section',
    { class: 'card', 'data-section': 'social-insurance' },
    h('h2', {}, 'Social insurance'),
    account
      ? facts([
          ['Employer account', value(errors, [...path, 'accountNumber'], account.accountNumber)],
          ['Insured employees', value(errors, [...path, 'insuredHeadcount'], account.insuredHeadcount)],
          ['Arrears', value(errors, [...path, 'arrears'], account.arrears === null ? null : money(account.arrears))],
          ['Last month paid', value(errors, [...path, 'lastPaidPeriod'], account.lastPaidPeriod)],
        ])
      : missingSection(
          errors,
          path,
          'No employer account.',
          'Not shown to you: the privacy policy does not give you the employer account.',
        ),
  );
}

async function searchPage(query: string, session: Session | null): Promise<HTMLElement[]> {
  (document.getElementById('search-input') as HTMLInputElement).value = query;
  if (query.trim() === '') return [h('h1', {}, 'Search companies'), h('p', {}, 'Type part of a company’s name above.')];
  const result = await run(SearchCompaniesDocument, { name: query, first: PAGE_SIZE }, session);
  showNotices(result.errors);
  const companies = result.data?.searchCompanies ?? [];
  return [
    h('h1', {}, `Companies named like “${query}”`),
    companies.length === 0
      ? h('p', { class: 'muted' }, result.errors.length > 0 ? 'The search could not be made.' : 'No company found.')
      : h(
          'section',
          { class: 'card', 'data-section': 'results' },
          h(
            'ul',
            { class: 'plain' },
            companies.map((company) =>
              h(
                'li',
                {},
                h('a', { href: `#/company/${company.uscc}` }, company.name),
                ' ',
                h('span', { class: `badge ${company.status}` }, company.status),
                h(
                  'div',
                  { class: 'muted' },
                  `${company.legalForm} · legal representative ${company.legalRepresentativeName}`,
                ),
              ),
            ),
          ),
        ),
  ];
}

// ---- routing ----

let rendering = 0;

async function route(): Promise<void> {
  const ticket = ++rendering;
  const hash = location.hash;
  const session = loadSession();
  renderSessionBox(session);
  notices.replaceChildren();
  app.dataset.state = 'loading';
  const [, page = '', argument = ''] = hash.split('/');
  let content: HTMLElement[];
  try {
    if (page === 'sign-in') content = await signInPage();
    else if (page === 'me') content = await dashboardPage(session);
    else if (page === 'company') content = await companyPage(decodeURIComponent(argument), session);
    else if (page === 'search') content = await searchPage(decodeURIComponent(argument), session);
    else if (session?.kind === 'person') content = await dashboardPage(session);
    else if (session?.kind === 'company') content = await companyPage(session.sub, session);
    else if (session) content = await searchPage('', session);
    else content = await signInPage();
  } catch {
    content = [h('h1', {}, 'Something went wrong'), h('p', {}, 'The page could not be shown. Try again.')];
  }
  if (ticket !== rendering) return;
  app.replaceChildren(...content);
  app.dataset.route = hash;
  app.dataset.state = 'ready';
  app.dataset.readyAt = String(Math.round(performance.now()));
}

document.getElementById('search-form')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = (document.getElementById('search-input') as HTMLInputElement).value.trim();
  location.hash = `#/search/${encodeURIComponent(query)}`;
});
window.addEventListener('hashchange', () => void route());
void route();
