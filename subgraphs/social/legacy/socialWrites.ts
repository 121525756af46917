import { z } from 'zod';
import { callSoapWrite, readAnswer, toCompactPeriod, type LegacySoapClient, type SoapFault } from '../../kit/index.js';
import type { BenefitClaimRecord } from './BenefitClaimRecord.js';
import type { EmployerAccountOpeningRecord } from './EmployerAccountOpeningRecord.js';
import { legacyDate, legacyPeriod } from './legacyValues.js';
import { socialRefusals } from './socialRefusals.js';
import { readErrorCode } from './toSocialFaultReason.js';

/** 待遇类型: 01 失业保险金 (unemployment benefit), 02 养老保险个人账户一次性支取 (pension-account withdrawal). */
const DYLX_BY_KIND = { UNEMPLOYMENT_BENEFIT: '01', PENSION_ACCOUNT_WITHDRAWAL: '02' } as const;
const KIND_BY_DYLX = { '01': 'UNEMPLOYMENT_BENEFIT', '02': 'PENSION_ACCOUNT_WITHDRAWAL' } as const;
const STATUS_BY_SQZT = { '0': 'PENDING', '1': 'APPROVED', '2': 'REFUSED' } as const;
const NO_SUCH_CLAIM = 'E4002';

const opened = z.object({ tyshxydm: z.string(), dwbh: z.string().min(1), scjfq: legacyPeriod, khrq: legacyDate });
const submitted = z.object({ sqbh: z.string().min(1), sqzt: z.literal('0'), sqrq: legacyDate });
const sqxx = z.object({
  sqbh: z.string().min(1),
  sfzhm: z.string().regex(/^\d{17}[\dX]$/),
  dylx: z.enum(['01', '02']),
  sqzt: z.enum(['0', '1', '2']),
  sqrq: legacyDate,
  sprq: legacyDate.optional(),
  spyj: z.string().optional(),
});
const claimAnswer = z.object({ sqxx });

/**
 * The bureau's writes for the one-stop platform (legacy-mocks/social/README.md, "Writes"), over
 * the social client's SOAP transport. Each write sends the caller's idempotency key as `ywlsh`;
 * the bureau answers a repeated key with its first answer, so the guard's retry of a write that
 * failed on the wire (kit's callSoapWrite: the same args, the same key) changes nothing twice.
 */
export class SocialWrites {
  readonly #transport: LegacySoapClient;

  constructor(transport: LegacySoapClient) {
    this.#transport = transport;
  }

  /** OpenEmployerAccount; `uscc` canonical, `firstMonth` YYYY-MM, both checked by the resolver. */
  async openEmployerAccount(uscc: string, firstMonth: string, key: string): Promise<EmployerAccountOpeningRecord> {
    const args = { ywlsh: key, tyshxydm: uscc, scjfq: toCompactPeriod(firstMonth) };
    const answer = await callSoapWrite(this.#transport, 'social', 'OpenEmployerAccount', args, socialRefusals);
    return readAnswer('social', () => {
      const parsed = opened.parse(answer);
      if (parsed.tyshxydm !== uscc) throw new RangeError('the answer is about another employer');
      return { uscc, accountNumber: parsed.dwbh, firstContributionMonth: parsed.scjfq, openedOn: parsed.khrq };
    });
  }

  /** SubmitBenefitClaim; the resolver checked the resident ID and the bank account (digits only). */
  async submitBenefitClaim(
    claim: { residentId: string; kind: BenefitClaimRecord['kind']; bankAccount: string },
    key: string,
  ): Promise<BenefitClaimRecord> {
    const args = { ywlsh: key, sfzhm: claim.residentId, dylx: DYLX_BY_KIND[claim.kind], yhzh: claim.bankAccount };
    const answer = await callSoapWrite(this.#transport, 'social', 'SubmitBenefitClaim', args, socialRefusals);
    return readAnswer('social', () => {
      const parsed = submitted.parse(answer);
      return {
        claimNumber: parsed.sqbh,
        residentId: claim.residentId,
        kind: claim.kind,
        status: 'PENDING',
        submittedOn: parsed.sqrq,
        decidedOn: null,
        decisionReason: null,
      };
    });
  }

  /** DecideClaim by the officer `officer` (审批人), then the claim as it now stands (GetClaim). */
  async decideBenefitClaim(
    number: string,
    decision: { approve: boolean; reason: string | null; officer: string },
    key: string,
  ): Promise<BenefitClaimRecord | null> {
    const args = {
      ywlsh: key,
      sqbh: number,
      spjg: decision.approve ? '1' : '2',
      spr: decision.officer,
      ...(decision.reason === null ? {} : { spyj: decision.reason }),
    };
    await callSoapWrite(this.#transport, 'social', 'DecideClaim', args, socialRefusals);
    return this.getClaim(number);
  }

  /** GetClaim: a claim by its number, null when the bureau issued none such. */
  async getClaim(number: string): Promise<BenefitClaimRecord | null> {
    const answer = await this.#transport.call(
      'GetClaim',
      { sqbh: number },
      { answerFault: (fault: SoapFault) => (readErrorCode(fault) === NO_SUCH_CLAIM ? null : undefined) },
    );
    if (answer === null) return null;
    return readAnswer('social', () => {
      const claim = claimAnswer.parse(answer).sqxx;
      return {
        claimNumber: claim.sqbh,
        residentId: claim.sfzhm,
        kind: KIND_BY_DYLX[claim.dylx],
        status: STATUS_BY_SQZT[claim.sqzt],
        submittedOn: claim.sqrq,
        decidedOn: claim.sprq ?? null,
        decisionReason: claim.spyj ?? null,
      };
    });
  }
}
