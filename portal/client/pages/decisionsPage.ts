import {
  DecideDocument,
  PendingDecisionsDocument,
  type PendingDecisionsQuery,
} from '../../../examples/generated/client/graphql.js';
import { DEPARTMENT_NAMES } from '../departments.js';
import { facts, h, moment } from '../dom.js';
import { missingSection, showNotices } from '../errors.js';
import { run, type GraphError, type Session } from '../graphql.js';
import { stepWords } from './applicationPage.js';

/**
 * How many waiting decisions the queue shows, oldest first: each brings its answers and its
 * form's labels, and 20 keeps the query within the gateway's cost limit (50 would not).
 */
const DECISIONS_SHOWN = 20;
/** The longest reason the graph takes (`decide(reason:)`). */
const MAX_REASON_LENGTH = 500;

type Pending = NonNullable<PendingDecisionsQuery['pendingDecisions']>[number];

/**
 * The officers' queue (`#/decisions/<department>`): the steps of applications waiting for a
 * decision by this department's officers that the signed-in officer's roles may decide, oldest
 * first, each with what the applicant typed; approve, or refuse with a reason the applicant reads.
 * The officer's purpose travels as X-Purpose with every request (graphql.ts).
 */
/** A waiting decision the officer can act on: its step is known. */
type Decidable = Pending & { step: string };

export async function decisionsPage(department: string, session: Session | null): Promise<HTMLElement[]> {
  if (session?.kind !== 'officer')
    return [h('h1', {}, 'Decisions'), h('p', {}, 'Sign in as an officer to decide applications.')];
  if (department === '')
    return [h('h1', {}, 'Decisions'), h('p', {}, 'Open the queue of your department, e.g. #/decisions/market.')];
  const result = await run(PendingDecisionsDocument, { department, first: DECISIONS_SHOWN }, session);
  showNotices(result.errors);
  const pending = result.data?.pendingDecisions?.filter((entry): entry is Decidable => entry.step !== null);
  const outcome = h('div', { class: 'status-line', role: 'status', 'aria-live': 'polite', 'data-outcome': '' });
  return [
    h('h1', {}, `Decisions waiting: ${DEPARTMENT_NAMES[department] ?? department}`),
    h(
      'p',
      { class: 'muted' },
      `Signed in as ${session.label}${session.purpose ? `, stating the purpose ${session.purpose}` : ''}. Oldest first.`,
    ),
    outcome,
    !pending
      ? missingSection(result.errors, ['pendingDecisions'], 'The queue could not be read.', 'Not shown to you.')
      : pending.length === 0
        ? h('p', { class: 'muted', 'data-empty-queue': '' }, 'Nothing is waiting for a decision.')
        : h(
            'div',
            { 'data-section': 'queue' },
            pending.map((entry, index) => decisionCard(entry, index, session, outcome)),
          ),
  ];
}

/** What the officer decides on: the application's facts and what the applicant typed, under the form's labels. */
function applicationSummary(entry: Decidable): HTMLElement[] {
  const application = entry.application;
  const inputs = application?.matter?.inputs ?? [];
  const labels = new Map(inputs.map((input) => [input.name, input.label]));
  // In the form's order, as the applicant filled it in; an answer of no known input last.
  const place = (name: string | null) => {
    const index = inputs.findIndex((input) => input.name === name);
    return index === -1 ? inputs.length : index;
  };
  const answers = [...(application?.answers ?? [])].sort((a, b) => place(a.name) - place(b.name));
  return [
    facts([
      [
        'Application',
        application?.id ? h('a', { href: `#/application/${encodeURIComponent(application.id)}` }, application.id) : '—',
      ],
      ['Applicant', application?.applicant ?? '—'],
      ['Submitted', moment(application?.submittedAt)],
      ['Answer promised by', moment(application?.promisedBy)],
      ['Waiting since', moment(entry.since)],
    ]),
    h('h3', {}, 'What the applicant typed'),
    answers.length > 0
      ? h(
          'dl',
          { 'data-answers': '' },
          answers.flatMap(({ name, value }) =>
            name ? [h('dt', {}, labels.get(name) ?? name), h('dd', { 'data-answer': name }, value ?? '—')] : [],
          ),
        )
      : h('p', { class: 'muted' }, 'Nothing typed, or no longer kept.'),
  ];
}

function decisionCard(entry: Decidable, index: number, session: Session, outcome: HTMLElement): HTMLElement {
  const application = entry.application;
  const headingId = `decision-${index}-heading`;
  const reasonId = `decision-${index}-reason`;
  const reason = h('textarea', {
    id: reasonId,
    name: 'reason',
    rows: '2',
    maxlength: String(MAX_REASON_LENGTH),
    'aria-describedby': `${reasonId}-hint ${reasonId}-error`,
  });
  const reasonError = h('p', { id: `${reasonId}-error`, class: 'field-error' });
  const problem = h('div', { class: 'form-problem', role: 'alert' });
  const approve = h('button', { type: 'button', class: 'primary', 'data-action': 'approve' }, 'Approve');
  const refuse = h('button', { type: 'button', 'data-action': 'refuse' }, 'Refuse');
  const card = h(
    'article',
    { class: 'card decision', 'data-decision': entry.step, 'aria-labelledby': headingId },
    h(
      'h2',
      { id: headingId },
      `${application?.matter?.title ?? 'Application'}: ${stepWords(entry.name ?? 'decision')}`,
    ),
    ...applicationSummary(entry),
    h(
      'div',
      { class: 'field' },
      h('label', { for: reasonId }, 'Reason'),
      h('p', { id: `${reasonId}-hint`, class: 'hint' }, 'Required to refuse; the applicant reads it.'),
      reason,
      reasonError,
    ),
    problem,
    h('div', { class: 'actions' }, approve, refuse),
  );

  let sending = false;
  const decide = async (approving: boolean) => {
    if (sending) return;
    const why = reason.value.trim();
    reasonError.textContent = '';
    reason.removeAttribute('aria-invalid');
    problem.replaceChildren();
    if (!approving && why === '') {
      showReasonError('Say why the application is refused: the applicant reads it.');
      return;
    }
    sending = true;
    approve.disabled = true;
    refuse.disabled = true;
    const result = await run(
      DecideDocument,
      { step: entry.step, approve: approving, ...(why ? { reason: why } : {}) },
      session,
    );
    sending = false;
    approve.disabled = false;
    refuse.disabled = false;
    if (result.data?.decide && result.errors.length === 0) {
      const done = approving ? 'Approved' : 'Refused';
      card.dataset.decided = approving ? 'approved' : 'refused';
      card.replaceChildren(
        card.firstElementChild!,
        h(
          'p',
          {},
          `${done}. `,
          h(
            'a',
            { href: `#/application/${encodeURIComponent(result.data.decide.id ?? application?.id ?? '')}` },
            'See the application',
          ),
          '.',
        ),
      );
      outcome.textContent = `${done}: ${application?.matter?.title ?? 'application'} ${result.data.decide.id ?? ''}.`;
      return;
    }
    showErrors(result.errors);
  };
  const showReasonError = (message: string) => {
    reasonError.textContent = message;
    reason.setAttribute('aria-invalid', 'true');
    reason.focus();
  };
  const showErrors = (errors: readonly GraphError[]) => {
    const reasonProblem = errors.find((error) => error.extensions?.argument === 'reason');
    if (reasonProblem) showReasonError(reasonProblem.message);
    const others = errors.filter((error) => error !== reasonProblem);
    if (others.length > 0 || errors.length === 0)
      problem.replaceChildren(
        ...(others.length > 0 ? others : [{ message: 'The decision could not be sent. Try again.' }]).map((error) =>
          h('p', {}, error.message),
        ),
      );
  };
  approve.addEventListener('click', () => void decide(true));
  refuse.addEventListener('click', () => void decide(false));
  return card;
}
