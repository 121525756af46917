import type { WriteRecord } from '../common/index.js';
import type { LegacyTaxpayer } from './toLegacyTaxpayer.js';

/**
 * The taxpayers registered through this system since the data set was generated (税务登记), the
 * overlay state the write journal rebuilds at start. A registered taxpayer is answered by the
 * queries like the data set's; a cancelled one (注销) is gone, and its number may register again.
 */
export class TaxpayerRegister {
  readonly #active = new Map<string, LegacyTaxpayer>();

  /** A taxpayer registered here and not cancelled. */
  get(nsrsbh: string): LegacyTaxpayer | undefined {
    return this.#active.get(nsrsbh);
  }

  /** Changes the register by one journaled write (live, or read back at start). */
  apply(record: WriteRecord): void {
    const answer = record.answer as Record<string, string>;
    if (record.operation === 'swdj.dj') {
      const input = record.input as { nsrsbh: string; nsrmc: string; nsrlx: '1' | '2' };
      if (!answer.swdjrq) throw new Error('a registration without its date');
      this.#active.set(input.nsrsbh, {
        nsrsbh: input.nsrsbh,
        nsrmc: input.nsrmc,
        nsrlx: input.nsrlx,
        swdjrq: answer.swdjrq,
        // A newly established taxpayer has no credit history: grade M (新设立企业), no arrears.
        nsxydj: 'M',
        qsje: '0',
      });
      return;
    }
    if (record.operation === 'swdj.zx') {
      const input = record.input as { nsrsbh: string };
      if (!this.#active.delete(input.nsrsbh)) throw new Error('a cancellation of no registered taxpayer');
      return;
    }
    throw new Error(`unknown operation ${record.operation}`);
  }
}
