import { MattersDocument, type ApplicantKind } from '../../../examples/generated/client/graphql.js';
import { h } from '../dom.js';
import { showNotices } from '../errors.js';
import { run, type Session } from '../graphql.js';

/** Who may apply, in words. */
export const APPLICANT_WORDS: Readonly<Record<ApplicantKind, string>> = {
  RESIDENT: 'residents',
  COMPANY: 'companies',
};

/**
 * The catalogue of public services (`#/services`): each matter one can apply for, with what it
 * does, who may apply and how soon the city answers, linked to its form. Public: anyone may read it.
 */
export async function servicesPage(session: Session | null): Promise<HTMLElement[]> {
  const result = await run(MattersDocument, {}, session);
  showNotices(result.errors);
  const matters = result.data?.matters;
  return [
    h('h1', {}, 'Services'),
    h(
      'p',
      { class: 'muted' },
      'Apply once: the departments concerned carry your application out, and an officer decides where the law asks for one.',
    ),
    !matters
      ? h('p', { class: 'muted' }, 'The services could not be listed. Try again in a few minutes.')
      : matters.length === 0
        ? h('p', { class: 'muted' }, 'No service can be applied for here yet.')
        : h(
            'ul',
            { class: 'services', 'data-section': 'services' },
            matters.map((matter) =>
              h(
                'li',
                { class: 'card', 'data-matter': matter.name },
                h('h2', {}, h('a', { href: `#/services/${encodeURIComponent(matter.name)}` }, matter.title)),
                h('p', {}, matter.description),
                h(
                  'p',
                  { class: 'muted' },
                  `For ${(matter.applicants ?? []).map((kind) => APPLICANT_WORDS[kind]).join(' and ') || 'applicants'}`,
                  ` · an answer within ${matter.promisedDays} ${matter.promisedDays === 1 ? 'day' : 'days'}`,
                  matter.prefillPurpose ? ' · some values are filled in for you from what the departments know' : '',
                ),
              ),
            ),
          ),
  ];
}
