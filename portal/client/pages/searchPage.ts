import { SearchCompaniesDocument } from '../../../examples/generated/client/graphql.js';
import { h } from '../dom.js';
import { showNotices } from '../errors.js';
import { run, type Session } from '../graphql.js';

/** How many companies one search shows. */
const SEARCH_RESULTS = 20;

/**
 * Company search (`#/search/<name>`): companies whose name contains the text, each linked to its
 * profile. The header's search box shows the text searched for.
 */
export async function searchPage(query: string, session: Session | null): Promise<HTMLElement[]> {
  (document.getElementById('search-input') as HTMLInputElement).value = query;
  if (query.trim() === '') return [h('h1', {}, 'Search companies'), h('p', {}, 'Type part of a company’s name above.')];
  const result = await run(SearchCompaniesDocument, { name: query, first: SEARCH_RESULTS }, session);
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
