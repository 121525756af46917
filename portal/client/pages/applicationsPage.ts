import { MyApplicationsDocument } from '../../../examples/generated/client/graphql.js';
import { applicationBadge } from '../applicationStatus.js';
import { h, moment } from '../dom.js';
import { missingSection, showNotices } from '../errors.js';
import { run, type Session } from '../graphql.js';

/** How many of the newest applications the list shows. */
const APPLICATIONS_SHOWN = 50;

/** My applications (`#/applications`): the signed-in resident's own, newest first, each linked to its page. */
export async function applicationsPage(session: Session | null): Promise<HTMLElement[]> {
  if (session?.kind !== 'person')
    return [h('h1', {}, 'My applications'), h('p', {}, 'Sign in as a resident to see your applications.')];
  const result = await run(MyApplicationsDocument, { first: APPLICATIONS_SHOWN }, session);
  showNotices(result.errors);
  const applications = result.data?.me?.applications;
  return [
    h('h1', {}, 'My applications'),
    !applications
      ? missingSection(
          result.errors,
          ['me', 'applications'],
          'Your applications could not be listed.',
          'Not shown to you.',
        )
      : applications.length === 0
        ? h(
            'p',
            { class: 'muted' },
            'You have not applied for anything yet. ',
            h('a', { href: '#/services' }, 'See the services'),
            '.',
          )
        : h(
            'section',
            { class: 'card', 'data-section': 'applications', 'aria-label': 'Applications, newest first' },
            h(
              'ul',
              { class: 'plain' },
              applications.map((application) =>
                h(
                  'li',
                  { 'data-application': application.id ?? '' },
                  application.id
                    ? h(
                        'a',
                        { href: `#/application/${encodeURIComponent(application.id)}` },
                        application.matter?.title ?? application.id,
                      )
                    : (application.matter?.title ?? 'Application'),
                  ' ',
                  applicationBadge(application.status),
                  h(
                    'div',
                    { class: 'muted' },
                    `Submitted ${moment(application.submittedAt)} · answer promised by ${moment(application.promisedBy)}`,
                  ),
                  application.reason ? h('div', {}, application.reason) : null,
                ),
              ),
            ),
          ),
    h('p', {}, h('a', { href: '#/services' }, 'Apply for a service')),
  ];
}
