import {
  CompanyShareholdersDocument,
  type CompanyProfileQuery,
  type CompanyShareholdersQuery,
} from '../../../examples/generated/client/graphql.js';
import { button, h, money } from '../dom.js';
import { missingSection, showNotices } from '../errors.js';
import { run, type GraphError, type Session } from '../graphql.js';

/** Shareholders per "Show more", as many as the profile's first page (CompanyProfile asks for 20). */
const SHAREHOLDERS_PAGE = 20;

/** The profile's first page of shareholders; null when refused or when the registry did not answer. */
type FirstPage = NonNullable<CompanyProfileQuery['company']>['shareholders'];
type Holding = NonNullable<
  NonNullable<NonNullable<CompanyShareholdersQuery['company']>['shareholders']>['holdings']
>[number];

/**
 * The company's shareholders: the profile's first page, then one page more per "Show more"
 * (CompanyShareholders, from the last page's end cursor), with a count of how many are shown.
 */
export function shareholdersSection(
  uscc: string,
  page: FirstPage,
  errors: readonly GraphError[],
  session: Session | null,
): HTMLElement {
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
    for (const holding of holdings ?? []) body.append(holdingRow(holding));
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
        void run(CompanyShareholdersDocument, { uscc, first: SHAREHOLDERS_PAGE, after }, session).then((next) => {
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

function holdingRow(holding: Holding): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, holding.holderName ?? '—'),
    h('td', { class: 'num' }, holding.sharePercent === null ? '—' : `${holding.sharePercent}%`),
    h('td', { class: 'num' }, money(holding.subscribedCapital)),
  );
}
