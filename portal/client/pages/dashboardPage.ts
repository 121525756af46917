import {
  CitizenDashboardDocument,
  MyAccessLogDocument,
  type CitizenDashboardQuery,
  type MyAccessLogQuery,
} from '../../../examples/generated/client/graphql.js';
import { facts, h, moment, money } from '../dom.js';
import { missingSection, showNotices, value } from '../errors.js';
import { run, type GraphError, type Session } from '../graphql.js';
import { TAX_YEAR } from '../taxYear.js';

/** How many of the newest accesses the dashboard shows. */
const ACCESS_LOG_ENTRIES = 10;

type Me = NonNullable<CitizenDashboardQuery['me']>;
type Access = NonNullable<NonNullable<NonNullable<MyAccessLogQuery['me']>['dataAccessLog']>['accesses']>[number];

/**
 * The citizen dashboard (`#/me`): my details, my social security, my income tax for the last
 * year, the companies I represent, and who looked at my data. Each section stands alone: a
 * department that is down or a field the policy withholds costs only its own part.
 */
export async function dashboardPage(session: Session | null): Promise<HTMLElement[]> {
  if (session?.kind !== 'person')
    return [h('h1', {}, 'My dashboard'), h('p', {}, 'Sign in as a citizen to see your dashboard.')];
  const [dashboard, log] = await Promise.all([
    run(CitizenDashboardDocument, { year: TAX_YEAR }, session),
    run(MyAccessLogDocument, { first: ACCESS_LOG_ENTRIES }, session),
  ]);
  const errors = [...dashboard.errors, ...log.errors];
  showNotices(errors);
  const me = dashboard.data?.me;
  if (!me) return [h('h1', {}, 'My dashboard'), missingSection(errors, ['me'], 'No data.', 'Not shown to you.')];
  const e = dashboard.errors;
  return [
    h('h1', {}, `Welcome, ${me.name ?? 'resident'}`),
    h(
      'div',
      { class: 'grid' },
      detailsSection(me, e),
      socialSecuritySection(me, e),
      incomeTaxSection(me, e),
      companiesSection(me, e),
      accessLogSection(log.data, log.errors),
    ),
  ];
}

function detailsSection(me: Me, e: readonly GraphError[]): HTMLElement {
  const gender = me.gender === 'FEMALE' ? 'Female' : me.gender === 'MALE' ? 'Male' : null;
  return h(
    'section',
    { class: 'card', 'data-section': 'details' },
    h('h2', {}, 'My details'),
    facts([
      ['Resident ID', me.id],
      ['Name', value(e, ['me', 'name'], me.name)],
      ['Gender', value(e, ['me', 'gender'], gender)],
      ['Born', value(e, ['me', 'birthDate'], me.birthDate)],
      ['Mobile', value(e, ['me', 'phone'], me.phone)],
      ['Address', value(e, ['me', 'address'], me.address)],
    ]),
  );
}

function socialSecuritySection(me: Me, e: readonly GraphError[]): HTMLElement {
  const account = me.socialSecurity;
  return h(
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
            account.employer ? h('a', { href: `#/company/${account.employer.uscc}` }, account.employer.name) : 'none',
          ],
        ])
      : missingSection(e, ['me', 'socialSecurity'], 'You have no social insurance account.', 'Not shown to you.'),
  );
}

function incomeTaxSection(me: Me, e: readonly GraphError[]): HTMLElement {
  const income = me.incomeTax;
  return h(
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
  );
}

function companiesSection(me: Me, e: readonly GraphError[]): HTMLElement {
  const companies = me.legalRepresentativeOf;
  return h(
    'section',
    { class: 'card', 'data-section': 'companies' },
    h('h2', {}, 'Companies I represent'),
    companies && companies.length > 0
      ? h(
          'ul',
          { class: 'plain' },
          companies.map((company, index) =>
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
  );
}

/** Who looked at my data: one row per access, newest first, with who (by role, not by name) and why. */
function accessLogSection(data: MyAccessLogQuery | null, errors: readonly GraphError[]): HTMLElement {
  const accesses = data?.me?.dataAccessLog?.accesses;
  return h(
    'section',
    { class: 'card wide', 'data-section': 'access-log' },
    h('h2', {}, 'Who looked at my data'),
    accesses
      ? accesses.length === 0
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
                ['When', 'Department', 'Who', 'Why', 'What'].map((heading) => h('th', {}, heading)),
              ),
            ),
            h('tbody', {}, accesses.map(accessRow)),
          )
      : missingSection(errors, ['me', 'dataAccessLog'], 'No log.', 'Not shown to you.'),
  );
}

function accessRow(access: Access): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, moment(access.at)),
    h('td', {}, access.department ?? '—'),
    h('td', {}, accessorText(access.accessor)),
    h('td', {}, access.purpose ?? '—'),
    fieldsCell(access.fields ?? []),
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

/** Who it was, as the citizen may know it: "you", an officer's roles and department, or a kind of caller. */
function accessorText(accessor: Access['accessor']): string {
  if (!accessor) return '—';
  if (accessor.self) return 'you';
  if (accessor.kind === 'OFFICER') {
    const roles = (accessor.roles ?? []).join(', ') || 'no role';
    return `an officer (${roles}${accessor.department ? `, ${accessor.department}` : ''})`;
  }
  return (accessor.kind ?? 'someone').toLowerCase();
}
