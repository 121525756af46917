import {
  ApplyForDocument,
  MyPrefillDocument,
  ServiceFormDocument,
  type MatterInputType,
  type MyPrefillQuery,
  type ServiceFormQuery,
} from '../../../examples/generated/client/graphql.js';
import { DEPARTMENT_NAMES } from '../departments.js';
import { facts, h } from '../dom.js';
import { missingSection, showNotices } from '../errors.js';
import { run, type GraphError, type GraphResult, type Session } from '../graphql.js';
import { APPLICANT_WORDS } from './servicesPage.js';

type Matter = NonNullable<ServiceFormQuery['matter']>;
type MatterInput = NonNullable<Matter['inputs']>[number];

/** What each kind of input expects, shown under its label (the graph checks the same forms). */
const INPUT_HINTS: Readonly<Partial<Record<MatterInputType, string>>> = {
  DECIMAL: 'An amount with up to two decimals, e.g. 100000.00',
  PERIOD: 'A month as YYYY-MM, e.g. 2027-01',
  DATE: 'A date as YYYY-MM-DD',
};

/**
 * One public service's form (`#/services/<matter>`): what the matter does and who acts, the values
 * the departments already know shown read-only (`me.prefill`, read under the matter's purpose
 * and recorded in the resident's access log), and one field per input the applicant types.
 * Submitting applies once: the form keeps one idempotency key, so a double click or a retry after
 * a lost answer makes one application. Bad input is shown beside its field.
 */
export async function serviceFormPage(name: string, session: Session | null): Promise<HTMLElement[]> {
  const [form, prefill] = await Promise.all([
    run(ServiceFormDocument, { matter: name }, session),
    session?.kind === 'person' ? run(MyPrefillDocument, { matter: name }, session) : Promise.resolve(null),
  ]);
  const matter = form.data?.matter;
  showNotices([...form.errors, ...(matter ? (prefill?.errors ?? []) : [])]);
  if (!matter)
    return [
      h('h1', {}, form.errors.length > 0 ? 'This service could not be shown' : 'No such service'),
      h(
        'p',
        {},
        form.errors.length > 0 ? 'Try again in a few minutes, or ' : `There is no service named “${name}”. `,
        h('a', { href: '#/services' }, 'see every service'),
        '.',
      ),
    ];
  return [
    h('p', {}, h('a', { href: '#/services' }, '← Services')),
    h('h1', {}, matter.title),
    h('p', {}, matter.description),
    aboutSection(matter),
    ...applying(matter, session, prefill),
  ];
}

function aboutSection(matter: Matter): HTMLElement {
  const steps = matter.steps ?? [];
  return h(
    'section',
    { class: 'card', 'data-section': 'about' },
    h('h2', {}, 'What happens'),
    h(
      'p',
      {},
      `For ${(matter.applicants ?? []).map((kind) => APPLICANT_WORDS[kind]).join(' and ') || 'applicants'}. `,
      `The city promises an answer within ${matter.promisedDays} ${matter.promisedDays === 1 ? 'day' : 'days'}.`,
    ),
    h(
      'ol',
      {},
      steps.map((step) =>
        h(
          'li',
          {},
          capitalise(DEPARTMENT_NAMES[step.department] ?? step.department),
          step.decidedBy ? ': an officer decides' : ' acts',
        ),
      ),
    ),
  );
}

/** The pre-filled values and the form, or why this caller cannot apply here. */
function applying(matter: Matter, session: Session | null, prefill: GraphResult<MyPrefillQuery> | null): HTMLElement[] {
  const kinds = matter.applicants ?? [];
  const canApply =
    (session?.kind === 'person' && kinds.includes('RESIDENT')) ||
    (session?.kind === 'company' && kinds.includes('COMPANY'));
  if (!session || !canApply) {
    const who = kinds.map((kind) => (kind === 'RESIDENT' ? 'a resident' : 'a company')).join(' or ');
    return [
      h(
        'p',
        { class: 'notice', 'data-cannot-apply': '' },
        session ? `Only ${who} can apply for this service.` : `Sign in as ${who} to apply. `,
        session ? '' : h('a', { href: '#/sign-in' }, 'Sign in'),
      ),
    ];
  }
  const sections: HTMLElement[] = [];
  if (prefill && (matter.prefillPurpose || (prefill.data?.me?.prefill ?? []).length > 0))
    sections.push(prefillSection(matter, prefill));
  sections.push(applyForm(matter, session));
  return sections;
}

function prefillSection(matter: Matter, prefill: GraphResult<MyPrefillQuery>): HTMLElement {
  const values = prefill.data?.me?.prefill;
  return h(
    'section',
    { class: 'card', 'data-section': 'prefill', 'aria-labelledby': 'prefill-heading' },
    h('h2', { id: 'prefill-heading' }, 'Filled in for you'),
    h(
      'p',
      { class: 'muted' },
      'You do not type these: the departments already know them. ',
      matter.prefillPurpose
        ? `They were read for this application (purpose “${matter.prefillPurpose}”) and the reading is recorded in your access log.`
        : '',
    ),
    values
      ? facts(values.map((entry) => [entry.label ?? '—', entry.value ?? h('span', { class: 'muted' }, 'not known')]))
      : missingSection(prefill.errors, ['me', 'prefill'], 'Nothing is filled in.', 'Not shown to you.'),
  );
}

/** A fresh idempotency key for one form: 8-100 of A-Z a-z 0-9 . _ : - (the graph's rule). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `portal-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** An input's element id: the input's name with anything but letters, digits, - and _ replaced. */
const fieldId = (input: MatterInput) => `input-${input.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function applyForm(matter: Matter, session: Session): HTMLElement {
  const inputs = matter.inputs ?? [];
  // One key per form: a retry of this submission (double click, lost answer) names the same application.
  const idempotencyKey = newIdempotencyKey();
  const problem = h('div', { id: 'apply-problem', class: 'form-problem', role: 'alert', tabindex: '-1' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Apply');
  const fields = inputs.map((input) => field(input));
  const form = h(
    'form',
    { 'data-section': 'apply-form', novalidate: '', 'aria-labelledby': 'apply-heading' },
    h('h2', { id: 'apply-heading' }, 'Your application'),
    inputs.length > 0
      ? h('p', { class: 'muted' }, 'Every field is required.')
      : h('p', { class: 'muted' }, 'There is nothing to type: apply to start.'),
    fields.map((entry) => entry.element),
    problem,
    submit,
  );
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    submit.disabled = true;
    submit.textContent = 'Sending…';
    void send().finally(() => {
      sending = false;
      submit.disabled = false;
      submit.textContent = 'Apply';
    });
  });

  async function send(): Promise<void> {
    const input = fields.map((entry) => ({ name: entry.input.name, value: entry.control.value }));
    const result = await run(
      ApplyForDocument,
      { matter: matter.name, applicant: session.sub, input, idempotencyKey },
      session,
    );
    const application = result.data?.applyFor;
    if (application?.id && result.errors.length === 0) {
      location.hash = `#/application/${encodeURIComponent(application.id)}`;
      return;
    }
    showProblems(result.errors);
  }

  function showProblems(errors: readonly GraphError[]): void {
    for (const entry of fields) entry.setError(null);
    const general: string[] = [];
    let first: HTMLElement | null = null;
    for (const error of errors) {
      const argument = error.extensions?.argument ?? '';
      const entry = fields.find((candidate) => `input.${candidate.input.name}` === argument);
      if (entry && error.extensions?.code === 'BAD_USER_INPUT') {
        entry.setError(fieldProblem(error, entry.input));
        first ??= entry.control;
      } else general.push(generalProblem(error));
    }
    if (errors.length === 0) general.push('The application could not be sent. Try again.');
    problem.replaceChildren(...general.map((text) => h('p', {}, text)));
    (first ?? (general.length > 0 ? problem : null))?.focus();
  }

  return form;
}

interface Field {
  input: MatterInput;
  element: HTMLElement;
  control: HTMLInputElement | HTMLSelectElement;
  setError(message: string | null): void;
}

/** One labelled field: a select for a CHOICE, a text box otherwise, with its hint and its error beside it. */
function field(input: MatterInput): Field {
  const id = fieldId(input);
  const hint = INPUT_HINTS[input.type];
  const error = h('p', { id: `${id}-error`, class: 'field-error', 'data-error-for': input.name });
  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const common = { id, name: input.name, 'aria-describedby': describedBy, 'aria-required': 'true' };
  const control =
    input.type === 'CHOICE'
      ? h(
          'select',
          common,
          h('option', { value: '' }, 'Choose…'),
          (input.choices ?? []).map((choice) => h('option', { value: choice }, choice)),
        )
      : h('input', {
          ...common,
          type: input.type === 'DATE' ? 'date' : 'text',
          autocomplete: 'off',
          ...(input.type === 'DECIMAL' ? { inputmode: 'decimal' } : {}),
        });
  const element = h(
    'div',
    { class: 'field', 'data-field': input.name },
    h('label', { for: id }, input.label),
    hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
    control,
    error,
  );
  return {
    input,
    element,
    control,
    setError(message) {
      error.textContent = message ?? '';
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

/** The graph's "Invalid input.x: <problem>." said of the field by its label. */
function fieldProblem(error: GraphError, input: MatterInput): string {
  const match = /^Invalid [^:]+: (.+?)\.?$/.exec(error.message);
  return match ? `${input.label} ${match[1]}.` : error.message;
}

function generalProblem(error: GraphError): string {
  const code = error.extensions?.code;
  if (code === 'DEPARTMENT_UNAVAILABLE')
    return `Your application was not sent: ${DEPARTMENT_NAMES[error.extensions?.department ?? ''] ?? 'a department'} is not answering. Try again in a few minutes.`;
  if (code === 'NETWORK')
    return 'The portal cannot be reached. Send the application again when it answers: it will not be made twice.';
  return error.message;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
