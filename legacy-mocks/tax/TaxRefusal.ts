import { TAX_RESULT_CODES, type TaxResultName } from './taxResultCodes.js';

/**
 * A request the tax system refuses with one of its result codes. Operations throw it; the
 * handler turns it into the `{ code, msg, data: null }` wrapper. `detail` says what is wrong
 * and never repeats an identifier or other input value.
 */
export class TaxRefusal extends Error {
  readonly result: TaxResultName;
  readonly detail: string | undefined;

  constructor(result: TaxResultName, detail?: string) {
    super(detail === undefined ? TAX_RESULT_CODES[result].msg : `${TAX_RESULT_CODES[result].msg}: ${detail}`);
    this.name = 'TaxRefusal';
    this.result = result;
    this.detail = detail;
  }
}
