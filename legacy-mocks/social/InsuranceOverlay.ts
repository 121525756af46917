import type { WriteRecord } from '../common/index.js';
import { addMonths } from '../data/index.js';
import type { Dwcbxx } from './queryEmployerAccounts.js';

/** 申请状态: 0 待审核, 1 已核准, 2 不予核准. */
export const SQZT = { PENDING: '0', APPROVED: '1', REFUSED: '2' } as const;

/** 待遇类型 the bureau takes claims for: 01 失业保险金, 02 养老保险个人账户一次性支取. */
export const DYLX = { UNEMPLOYMENT_BENEFIT: '01', PENSION_ACCOUNT_WITHDRAWAL: '02' } as const;

/** 申请信息 as the WSDL's tns:Sqxx, in its field order. */
export interface Sqxx {
  sqbh: string;
  sfzhm: string;
  dylx: string;
  yhzh: string;
  sqzt: string;
  sqrq: string;
  spr?: string;
  sprq?: string;
  spyj?: string;
}

/**
 * What the bureau recorded through its write operations since the data set was generated: the
 * employer accounts it opened and the benefit claims it took, rebuilt from the write journal at
 * start. The queries read it beside the data set.
 */
export class InsuranceOverlay {
  readonly #employers = new Map<string, Dwcbxx>();
  readonly #claims = new Map<string, Sqxx>();

  /** An employer account opened here, as CxDwcbxx answers it. */
  employer(uscc: string): Dwcbxx | undefined {
    return this.#employers.get(uscc);
  }

  /** Whether an account number is taken by an account opened here. */
  holdsAccountNumber(dwbh: string): boolean {
    for (const account of this.#employers.values()) if (account.dwbh === dwbh) return true;
    return false;
  }

  claim(sqbh: string): Sqxx | undefined {
    return this.#claims.get(sqbh);
  }

  claimCount(): number {
    return this.#claims.size;
  }

  /** A pending claim of this resident for this benefit, if any. */
  pendingClaim(sfzhm: string, dylx: string): Sqxx | undefined {
    for (const claim of this.#claims.values())
      if (claim.sfzhm === sfzhm && claim.dylx === dylx && claim.sqzt === SQZT.PENDING) return claim;
    return undefined;
  }

  /** Changes the overlay by one journaled write (live, or read back at start). */
  apply(record: WriteRecord): void {
    const input = record.input as Record<string, string>;
    const answer = record.answer as Record<string, string>;
    switch (record.operation) {
      case 'OpenEmployerAccount':
        this.#employers.set(input.tyshxydm!, {
          tyshxydm: input.tyshxydm!,
          dwbh: answer.dwbh!,
          cbrs: 0,
          qjje: '0.00',
          // Nothing paid and nothing due yet: "paid up to" the month before the first one.
          zhjfq: addMonths(input.scjfq!, -1),
        });
        return;
      case 'SubmitBenefitClaim':
        this.#claims.set(answer.sqbh!, {
          sqbh: answer.sqbh!,
          sfzhm: input.sfzhm!,
          dylx: input.dylx!,
          yhzh: input.yhzh!,
          sqzt: answer.sqzt!,
          sqrq: answer.sqrq!,
        });
        return;
      case 'DecideClaim': {
        const claim = this.#claims.get(input.sqbh!);
        if (!claim) throw new Error('a decision on no claim');
        Object.assign(claim, { sqzt: answer.sqzt!, spr: input.spr!, sprq: answer.sprq! });
        if (input.spyj) claim.spyj = input.spyj;
        return;
      }
      default:
        throw new Error(`unknown operation ${record.operation}`);
    }
  }
}
