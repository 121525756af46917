import { describe, expect, it } from 'vitest';
import type { Matter } from '../matters/Matter.js';
import { stepWaves } from '../matters/stepOrder.js';
import type { ApplicationRun } from './ApplicationRun.js';
import { resolveStepInput } from './resolveStepInput.js';

const application: ApplicationRun = {
  id: 'app-1',
  matter: { name: 'm' } as Matter,
  applicant: { kind: 'resident', id: '330106199001011234' },
  input: { bankAccount: '6222020200112233445' },
  prefilled: {
    socialSecurity: { accountNumber: 'S123', monthlyContributions: [{ period: '2026-01' }, { period: '2026-02' }] },
    incomeTax: null,
  },
};

describe('resolveStepInput', () => {
  it('reads each kind of source: typed, applicant, pre-filled, counted, earlier output, decision, constant', () => {
    const input = resolveStepInput(
      {
        bankAccount: 'input.bankAccount',
        residentId: 'applicant.id',
        accountNumber: 'prefill.socialSecurity.accountNumber',
        contributionMonths: 'count(prefill.socialSecurity.monthlyContributions)',
        claimNumber: 'steps.submit.claimNumber',
        approve: 'decision.approve',
        reason: 'decision.reason',
        kind: 'value:UNEMPLOYMENT_BENEFIT',
      },
      {
        application,
        outputs: { submit: { claimNumber: 'C1' } },
        decision: { approve: false, reason: 'No.', officer: 'o' },
      },
    );
    expect(input).toEqual({
      bankAccount: '6222020200112233445',
      residentId: '330106199001011234',
      accountNumber: 'S123',
      contributionMonths: 2,
      claimNumber: 'C1',
      approve: false,
      reason: 'No.',
      kind: 'UNEMPLOYMENT_BENEFIT',
    });
  });

  it('gives null for what the graph did not answer (a department down at pre-fill), never a crash', () => {
    expect(
      resolveStepInput(
        { lastYearIncome: 'prefill.incomeTax.income', months: 'count(prefill.nothing.here)' },
        { application, outputs: {} },
      ),
    ).toEqual({ lastYearIncome: null, months: 0 });
  });
});

describe('stepWaves', () => {
  it('puts steps that wait for nothing unfinished in one wave, in the file order', () => {
    const step = (after?: string[]) => ({
      department: 'x',
      action: 'a',
      input: {},
      refusal: 'r',
      ...(after ? { after } : {}),
    });
    expect(stepWaves({ a: step(), c: step(['a']), b: step(['a']), d: step(['b', 'c']) })).toEqual([
      ['a'],
      ['c', 'b'],
      ['d'],
    ]);
  });
});
