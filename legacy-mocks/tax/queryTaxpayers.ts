import { canonicalId, usccProblem } from '../../core/ids.js';
import type { TaxOperation } from './TaxOperation.js';
import { TaxRefusal } from './TaxRefusal.js';
import { readBatchList } from './readBatchList.js';
import type { LegacyTaxpayer } from './toLegacyTaxpayer.js';

const NAME = 'nsrxx.plcx';

/**
 * 纳税人信息批量查询: register entries for up to 100 taxpayer identification numbers.
 * Request `{ nsrsbhList: string[] }`; response data `{ nsrxxList: LegacyTaxpayer[] }`, one entry
 * per distinct taxpayer found. An unknown taxpayer is simply not in the list; a malformed
 * number refuses the whole query (2002), as the bureau's system does.
 */
export const queryTaxpayers: TaxOperation = {
  name: NAME,
  method: 'POST',
  path: '/api/nsrxx/plcx',
  run({ body }, { taxpayers, register, stats }) {
    const list = readBatchList(body, 'nsrsbhList');
    const wanted = list.map((value, index) => {
      if (typeof value !== 'string') throw new TaxRefusal('malformedRequest', `nsrsbhList[${index}] must be a string`);
      const problem = usccProblem(value);
      if (problem) throw new TaxRefusal('malformedTaxpayerId', `nsrsbhList[${index}]: ${problem}`);
      return canonicalId(value);
    });
    stats.record(NAME, list.length);
    const found = new Map<string, LegacyTaxpayer>();
    for (const nsrsbh of wanted) {
      const taxpayer = taxpayers.get(nsrsbh) ?? register.get(nsrsbh);
      if (taxpayer) found.set(nsrsbh, taxpayer);
    }
    return { nsrxxList: [...found.values()] };
  },
};
