// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GraphError } from '../graphql.js';
import { claimBenefit, RESIDENT, startABusiness } from '../testing/applicationFixtures.js';
import { showPortalFrame } from '../testing/showPortalFrame.js';
import { stubPortalServer } from '../testing/stubPortalServer.js';
import { newIdempotencyKey, serviceFormPage } from './serviceFormPage.js';

let frame: ReturnType<typeof showPortalFrame>;
beforeEach(() => {
  frame = showPortalFrame();
  location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const control = (page: HTMLElement, name: string) =>
  page.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${name}"] [name="${name}"]`)!;

function fill(page: HTMLElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) control(page, name).value = value;
}

const submit = (page: HTMLElement) =>
  page.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));

const badInput = (argument: string, problem: string): GraphError => ({
  message: `Invalid ${argument}: ${problem}.`,
  path: ['applyFor'],
  extensions: { code: 'BAD_USER_INPUT', argument },
});

describe('a service’s form', () => {
  it('labels one field per input, in order: a select for a choice, a hint for a month', async () => {
    stubPortalServer({
      graph: {
        ServiceForm: () => ({ data: { matter: startABusiness() } }),
        MyPrefill: () => ({ data: { me: { id: RESIDENT.sub, prefill: [] } } }),
      },
    });
    const page = frame.show(await serviceFormPage('start-a-business', RESIDENT));
    expect(page.querySelector('h1')?.textContent).toBe('Start a business');
    const fields = [...page.querySelectorAll<HTMLElement>('[data-field]')];
    expect(fields.map((field) => field.dataset.field)).toEqual([
      'companyName',
      'registeredCapital',
      'taxpayerType',
      'firstContributionMonth',
    ]);
    for (const field of fields) {
      const input = field.querySelector('input, select')!;
      expect(field.querySelector(`label[for="${input.id}"]`)?.textContent).toBeTruthy();
    }
    const choice = control(page, 'taxpayerType');
    expect(choice.tagName).toBe('SELECT');
    expect([...choice.querySelectorAll('option')].map((option) => option.value)).toEqual([
      '',
      'GENERAL',
      'SMALL_SCALE',
    ]);
    const month = control(page, 'firstContributionMonth');
    expect(document.getElementById(month.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toContain(
      'YYYY-MM',
    );
    // A matter that pre-fills nothing shows no pre-filled section.
    expect(page.querySelector('[data-section="prefill"]')).toBeNull();
    expect(page.querySelector('[data-section="about"]')?.textContent).toContain('within 5 days');
  });

  it('shows what the departments already know read-only, with their labels, and types none of it', async () => {
    stubPortalServer({
      graph: {
        ServiceForm: () => ({ data: { matter: claimBenefit() } }),
        MyPrefill: ({ matter }) => ({
          data: {
            me: {
              id: RESIDENT.sub,
              prefill:
                matter === 'claim-benefit'
                  ? [
                      { label: 'Social insurance account', value: 'SI-0001' },
                      { label: 'Months you paid contributions', value: '96' },
                      { label: 'Last year’s income', value: null },
                    ]
                  : [],
            },
          },
        }),
      },
    });
    const page = frame.show(await serviceFormPage('claim-benefit', RESIDENT));
    const prefill = page.querySelector('[data-section="prefill"]')!;
    expect(prefill.textContent).toContain('You do not type these: the departments already know them.');
    expect([...prefill.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([
      'Social insurance account',
      'Months you paid contributions',
      'Last year’s income',
    ]);
    expect([...prefill.querySelectorAll('dd')].map((value) => value.textContent)).toEqual([
      'SI-0001',
      '96',
      'not known',
    ]);
    expect(prefill.querySelector('input, select, textarea')).toBeNull();
    expect(prefill.textContent).toContain('benefit-claim');
  });

  it('applies with the resident’s own id, the values by name and a key, then opens the application', async () => {
    const server = stubPortalServer({
      graph: {
        ServiceForm: () => ({ data: { matter: startABusiness() } }),
        MyPrefill: () => ({ data: { me: { id: RESIDENT.sub, prefill: [] } } }),
        ApplyFor: () => ({ data: { applyFor: { id: 'app-7', status: 'RUNNING' } } }),
      },
    });
    const page = frame.show(await serviceFormPage('start-a-business', RESIDENT));
    fill(page, {
      companyName: 'Harbour Tea Co., Ltd.',
      registeredCapital: '100000.00',
      taxpayerType: 'GENERAL',
      firstContributionMonth: '2027-01',
    });
    submit(page);
    await vi.waitFor(() => expect(location.hash).toBe('#/application/app-7'));
    const applied = server.sent.filter((sent) => sent.operationName === 'ApplyFor');
    expect(applied).toHaveLength(1);
    expect(applied[0]!.variables).toEqual({
      matter: 'start-a-business',
      applicant: RESIDENT.sub,
      input: [
        { name: 'companyName', value: 'Harbour Tea Co., Ltd.' },
        { name: 'registeredCapital', value: '100000.00' },
        { name: 'taxpayerType', value: 'GENERAL' },
        { name: 'firstContributionMonth', value: '2027-01' },
      ],
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9._:-]{8,100}$/),
    });
  });

  it('sends one application for a double click, and the same key again when it is retried', async () => {
    let answer: (value: Response) => void = () => {};
    const server = stubPortalServer({
      graph: {
        ServiceForm: () => ({ data: { matter: startABusiness() } }),
        MyPrefill: () => ({ data: { me: { id: RESIDENT.sub, prefill: [] } } }),
      },
    });
    const page = frame.show(await serviceFormPage('start-a-business', RESIDENT));
    const keys: string[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      keys.push((JSON.parse(String(init.body)) as { variables: { idempotencyKey: string } }).variables.idempotencyKey);
      return new Promise<Response>((resolve) => {
        answer = resolve;
      });
    });
    submit(page);
    submit(page);
    expect(keys).toHaveLength(1);
    expect(page.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
    // The answer is lost: the reader sends it again, under the same key.
    answer(new Response('not json', { status: 502 }));
    await vi.waitFor(() => expect(page.querySelector('[role="alert"]')?.textContent).not.toBe(''));
    submit(page);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(server.sent).toHaveLength(2); // the page's own two reads, before fetch was replaced
  });

  it('makes a fresh key for each form', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('shows bad input beside its field, marked invalid and described by the message, and focuses it', async () => {
    stubPortalServer({
      graph: {
        ServiceForm: () => ({ data: { matter: startABusiness() } }),
        MyPrefill: () => ({ data: { me: { id: RESIDENT.sub, prefill: [] } } }),
        ApplyFor: () => ({
          data: { applyFor: null },
          errors: [badInput('input.registeredCapital', 'must be an amount such as 100000.00')],
        }),
      },
    });
    const page = frame.show(await serviceFormPage('start-a-business', RESIDENT));
    fill(page, { registeredCapital: 'a lot' });
    submit(page);
    const capital = control(page, 'registeredCapital');
    await vi.waitFor(() => expect(capital.getAttribute('aria-invalid')).toBe('true'));
    const error = page.querySelector('[data-error-for="registeredCapital"]')!;
    expect(error.textContent).toBe('Registered capital in CNY must be an amount such as 100000.00.');
    expect(capital.getAttribute('aria-describedby')!.split(' ')).toContain(error.id);
    expect(document.activeElement).toBe(capital);
    expect(control(page, 'companyName').hasAttribute('aria-invalid')).toBe(false);
    expect(location.hash).toBe('');
  });

  it('shows a problem that is no field’s in the form’s alert, and clears old field errors', async () => {
    let errors: GraphError[] = [badInput('input.companyName', 'must not be empty')];
    stubPortalServer({
      graph: {
        ServiceForm: () => ({ data: { matter: startABusiness() } }),
        MyPrefill: () => ({ data: { me: { id: RESIDENT.sub, prefill: [] } } }),
        ApplyFor: () => ({ data: { applyFor: null }, errors }),
      },
    });
    const page = frame.show(await serviceFormPage('start-a-business', RESIDENT));
    submit(page);
    await vi.waitFor(() =>
      expect(page.querySelector('[data-error-for="companyName"]')?.textContent).toBe(
        'The company’s name must not be empty.',
      ),
    );
    errors = [
      {
        message: 'The social security bureau is not answering',
        path: ['applyFor'],
        extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'social' },
      },
    ];
    submit(page);
    const alert = page.querySelector('[role="alert"]')!;
    await vi.waitFor(() => expect(alert.textContent).toContain('the social security bureau is not answering'));
    expect(page.querySelector('[data-error-for="companyName"]')?.textContent).toBe('');
    expect(document.activeElement).toBe(alert);
  });

  it('asks a visitor to sign in, and reads nothing pre-filled without a resident', async () => {
    const server = stubPortalServer({ graph: { ServiceForm: () => ({ data: { matter: claimBenefit() } }) } });
    const page = frame.show(await serviceFormPage('claim-benefit', null));
    expect(page.querySelector('[data-cannot-apply]')?.textContent).toContain('Sign in as a resident to apply.');
    expect(page.querySelector('form')).toBeNull();
    expect(server.sent.map((sent) => sent.operationName)).toEqual(['ServiceForm']);
  });

  it('says there is no such service', async () => {
    stubPortalServer({
      graph: {
        ServiceForm: () => ({ data: { matter: null } }),
        MyPrefill: () => ({ data: { me: { id: RESIDENT.sub, prefill: null } } }),
      },
    });
    const page = frame.show(await serviceFormPage('open-a-casino', RESIDENT));
    expect(page.querySelector('h1')?.textContent).toBe('No such service');
    expect(page.textContent).toContain('There is no service named “open-a-casino”.');
  });
});
