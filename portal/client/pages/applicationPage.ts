import {
  ApplicationProgressDocument,
  type ApplicationProgressQuery,
} from '../../../examples/generated/client/graphql.js';
import { APPLICATION_STATUS_WORDS, FINAL_STATUSES, applicationBadge, stepBadge } from '../applicationStatus.js';
import { DEPARTMENT_NAMES } from '../departments.js';
import { facts, h, moment } from '../dom.js';
import { missingSection, showNotices } from '../errors.js';
import { run, type Session } from '../graphql.js';

/** How often a page asks again while the application is not final. */
export const POLL_MS = 2_000;

type Application = NonNullable<ApplicationProgressQuery['application']>;

/** What the departments give, in words for the applicant; another output shows its name. */
const OUTPUT_WORDS: Readonly<Record<string, string>> = {
  uscc: 'Unified social credit code (USCC) of the new company',
  accountNumber: 'Account number',
  claimNumber: 'Claim number',
};

/**
 * One application as it is carried out (`#/application/<id>`): where it stands and why, each step
 * (department, status, reason, time) and what the departments gave (e.g. the new company's USCC).
 * While it is not final the page asks again every POLL_MS and stops once it is COMPLETED, REFUSED
 * or FAILED, or once the reader has moved on; a live region announces each change of status.
 */
export async function applicationPage(
  id: string,
  session: Session | null,
  options: { pollMs?: number } = {},
): Promise<HTMLElement[]> {
  if (!session)
    return [
      h('h1', {}, 'Application'),
      h('p', {}, h('a', { href: '#/sign-in' }, 'Sign in'), ' to follow your application.'),
    ];
  const first = await run(ApplicationProgressDocument, { id }, session);
  showNotices(first.errors);
  const application = first.data?.application;
  if (!application)
    return [
      h('h1', {}, 'Application'),
      missingSection(
        first.errors,
        ['application'],
        `There is no application ${id} of yours.`,
        'This application is not shown to you.',
      ),
    ];

  const announcer = h('div', { class: 'status-line', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const progress = h('div', { 'data-section': 'progress' });
  const refreshed = h('p', { class: 'muted', 'data-refreshed': '' });
  const root = h(
    'div',
    { 'data-application': id },
    h('p', {}, h('a', { href: session.kind === 'person' ? '#/applications' : session.home }, '← Back')),
    h('h1', {}, application.matter?.title ?? 'Application'),
    h('p', { class: 'muted' }, `Application ${id}`),
    announcer,
    progress,
    refreshed,
  );
  let lastAnnounced = '';
  const show = (current: Application) => {
    const announcement = [
      `Status: ${current.status ? APPLICATION_STATUS_WORDS[current.status] : 'unknown'}.`,
      current.reason ?? '',
    ]
      .join(' ')
      .trim();
    // Only a change is written, so a screen reader hears each new status once.
    if (announcement !== lastAnnounced) {
      lastAnnounced = announcement;
      announcer.dataset.status = current.status ?? '';
      announcer.replaceChildren(
        h('strong', {}, 'Status: '),
        applicationBadge(current.status),
        current.reason ? h('span', { class: 'reason', 'data-reason': '' }, ` ${current.reason}`) : '',
      );
    }
    progress.replaceChildren(...progressSections(current));
  };
  show(application);

  const startedOn = location.hash;
  let wasShown = false;
  const pollMs = options.pollMs ?? POLL_MS;
  const poll = async (): Promise<void> => {
    wasShown ||= root.isConnected;
    // The reader moved on (another page, or this one drawn again): stop asking.
    if (location.hash !== startedOn || (wasShown && !root.isConnected)) return;
    const next = await run(ApplicationProgressDocument, { id }, session);
    const current = next.data?.application;
    if (current) {
      show(current);
      refreshed.textContent = `Last checked ${moment(new Date().toISOString())}.`;
      if (current.status && FINAL_STATUSES.has(current.status)) return;
    } else refreshed.textContent = 'Could not check just now; trying again.';
    setTimeout(() => void poll(), pollMs);
  };
  if (!application.status || !FINAL_STATUSES.has(application.status)) setTimeout(() => void poll(), pollMs);
  return [root];
}

function progressSections(application: Application): HTMLElement[] {
  const steps = application.steps ?? [];
  const outputs = steps.flatMap((step) =>
    (step.outputs ?? []).flatMap(({ name, value }) => (name && value ? [{ name, value }] : [])),
  );
  const tasks = application.officerTasks ?? [];
  return [
    facts([
      ['Submitted', moment(application.submittedAt)],
      ['Answer promised by', moment(application.promisedBy)],
      ['Applicant', application.applicant],
    ]),
    h(
      'section',
      { class: 'card', 'data-section': 'steps', 'aria-labelledby': 'steps-heading' },
      h('h2', { id: 'steps-heading' }, 'Steps'),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Step', 'Department', 'Status', 'Why', 'When'].map((title) => h('th', { scope: 'col' }, title)),
          ),
        ),
        h(
          'tbody',
          {},
          steps.map((step) =>
            h(
              'tr',
              { 'data-step': step.name ?? '', 'data-step-status': step.status ?? '' },
              h('td', {}, step.name ? stepWords(step.name) : '—'),
              h(
                'td',
                { class: 'wrap' },
                (step.department && DEPARTMENT_NAMES[step.department]) ?? step.department ?? '—',
              ),
              h('td', {}, stepBadge(step.status)),
              h('td', { class: 'wrap' }, step.reason ?? '—'),
              h('td', {}, moment(step.at)),
            ),
          ),
        ),
      ),
    ),
    outputs.length > 0
      ? h(
          'section',
          { class: 'card', 'data-section': 'outputs', 'aria-labelledby': 'outputs-heading' },
          h('h2', { id: 'outputs-heading' }, 'What the departments gave you'),
          facts(
            outputs.map(({ name, value }) => [
              OUTPUT_WORDS[name] ?? name,
              name === 'uscc'
                ? h('a', { href: `#/company/${encodeURIComponent(value)}`, 'data-output': name }, value)
                : h('span', { 'data-output': name }, value),
            ]),
          ),
        )
      : null,
    tasks.length > 0
      ? h(
          'section',
          { class: 'card', 'data-section': 'officer-tasks', 'aria-labelledby': 'tasks-heading' },
          h('h2', { id: 'tasks-heading' }, 'What an officer still does by hand'),
          h(
            'ul',
            {},
            tasks.map((task) => h('li', {}, task)),
          ),
        )
      : null,
  ].filter((section): section is HTMLElement => section !== null);
}

/** A step's name in words: registerTaxpayer -> Register taxpayer. */
export function stepWords(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
