import type { CompanyProfileQuery } from '../../../examples/generated/client/graphql.js';
import { facts, h, money } from '../dom.js';
import { missingSection, value } from '../errors.js';
import type { GraphError } from '../graphql.js';
import { TAX_YEAR } from '../taxYear.js';

/** The graph's TaxKind in words. */
const TAX_KINDS: Readonly<Record<string, string>> = {
  VAT: 'VAT',
  CORPORATE_INCOME_TAX: 'Corporate income tax',
  INDIVIDUAL_INCOME_TAX_WITHHOLDING: 'Individual income tax withheld',
  STAMP_DUTY: 'Stamp duty',
};

/** The company's tax profile; null when refused, unknown to the bureau, or the bureau is down. */
type TaxProfile = NonNullable<CompanyProfileQuery['company']>['tax'];
type Filing = NonNullable<NonNullable<TaxProfile>['filings']>[number];

/** The company's tax profile and its returns for the tax year, as far as the policy gives them. */
export function taxSection(tax: TaxProfile, errors: readonly GraphError[]): HTMLElement {
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
            ? filingsTable(tax.filings)
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

function filingsTable(filings: readonly Filing[]): HTMLElement {
  return h(
    'table',
    { 'data-filings': '' },
    h('caption', { class: 'muted' }, `Returns for ${TAX_YEAR}`),
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, 'Period'), h('th', {}, 'Tax'), h('th', { class: 'num' }, 'Amount'), h('th', {}, 'Filed')),
    ),
    h(
      'tbody',
      {},
      filings.map((filing) =>
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
  );
}
