import { canonicalId, residentIdProblem } from '../../core/ids.js';
import { incomeTaxReturnOf } from '../data/index.js';
import type { TaxOperation } from './TaxOperation.js';
import { TaxRefusal } from './TaxRefusal.js';
import { readBatchList } from './readBatchList.js';
import { readTaxYear } from './readTaxYear.js';
import { toLegacyIncomeTaxReturn, type LegacyIncomeTaxReturn } from './toLegacyIncomeTaxReturn.js';

const NAME = 'grsds.hsqj.plcx';

/**
 * 个人所得税汇算清缴批量查询: annual reconciliations for up to 100 (resident ID, year) pairs.
 * Request `{ cxtjList: [{ sfzjhm, nd }] }`; response data `{ hsqjList: LegacyIncomeTaxReturn[] }`,
 * one entry per distinct pair that has a return. A pair without a return (unknown person, or
 * no return that year) is simply not in the list; a malformed ID (2003) or year (2004)
 * refuses the whole query.
 */
export const queryIncomeTaxReturns: TaxOperation = {
  name: NAME,
  method: 'POST',
  path: '/api/grsds/hsqj/plcx',
  run({ body }, { dataSet, stats }) {
    const list = readBatchList(body, 'cxtjList');
    const wanted = list.map((entry, index) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        throw new TaxRefusal('malformedRequest', `cxtjList[${index}] must be an object`);
      const { sfzjhm, nd } = entry as Record<string, unknown>;
      if (typeof sfzjhm !== 'string')
        throw new TaxRefusal('malformedRequest', `cxtjList[${index}].sfzjhm must be a string`);
      const problem = residentIdProblem(sfzjhm);
      if (problem) throw new TaxRefusal('malformedResidentId', `cxtjList[${index}].sfzjhm: ${problem}`);
      return { sfzjhm: canonicalId(sfzjhm), year: readTaxYear(nd, `cxtjList[${index}].nd`) };
    });
    stats.record(NAME, list.length);
    const found = new Map<string, LegacyIncomeTaxReturn>();
    for (const { sfzjhm, year } of wanted) {
      const key = `${sfzjhm}:${year}`;
      if (found.has(key)) continue;
      const resident = dataSet.residentById.get(sfzjhm);
      const taxReturn = resident ? incomeTaxReturnOf(resident, year) : null;
      if (taxReturn) found.set(key, toLegacyIncomeTaxReturn(sfzjhm, taxReturn));
    }
    return { hsqjList: [...found.values()] };
  },
};
