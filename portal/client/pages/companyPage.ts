import { CompanyProfileDocument, type CompanyProfileQuery } from '../../../examples/generated/client/graphql.js';
import { facts, h, money } from '../dom.js';
import { missingSection, showNotices, value } from '../errors.js';
import { run, type GraphError, type Session } from '../graphql.js';
import { TAX_YEAR } from '../taxYear.js';
import { shareholdersSection } from './shareholdersSection.js';
import { taxSection } from './taxSection.js';

/** The company as the profile reads it (CompanyProfile). */
type ProfileCompany = NonNullable<CompanyProfileQuery['company']>;

/**
 * The company profile (`#/company/<uscc>`): registry, shareholders, tax and social insurance,
 * each as much as the policy gives this viewer. The page says whose view it is: the company's
 * own, another caller's, or an anonymous visitor's (public registry data only).
 */
export async function companyPage(uscc: string, session: Session | null): Promise<HTMLElement[]> {
  const profile = await run(CompanyProfileDocument, { uscc, year: TAX_YEAR }, session);
  const e = profile.errors;
  showNotices(e);
  const company = profile.data?.company;
  if (!company)
    return [
      h('h1', {}, 'Company'),
      missingSection(e, ['company'], 'The registry does not know this company.', 'Not shown to you.'),
    ];
  return [
    h('h1', {}, company.name, ' ', h('span', { class: `badge ${company.status}` }, company.status)),
    viewerLine(company, session),
    h(
      'div',
      { class: 'grid' },
      registrySection(company),
      shareholdersSection(company.uscc, company.shareholders, e, session),
      taxSection(company.tax, e),
      socialSection(company, e),
    ),
  ];
}

/** Whose view this is, so a reader knows why some sections are withheld. */
function viewerLine(company: ProfileCompany, session: Session | null): HTMLElement {
  const own = session?.kind === 'company' && session.sub === company.uscc;
  const kind = session?.kind === 'officer' ? `${session.purpose ?? ''} officer` : session?.kind;
  return h(
    'p',
    { class: 'muted', 'data-viewer': own ? 'self' : session ? session.kind : 'anonymous' },
    own
      ? 'Signed in as this company: you see your own records.'
      : session
        ? `You see what a ${kind} may see of another company.`
        : 'You are not signed in: only the public registry data is shown.',
  );
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
