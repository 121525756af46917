import { canonicalId, usccProblem } from '../../core/ids.js';
import { chinaDate } from '../common/index.js';
import { TaxRefusal } from './TaxRefusal.js';
import { taxWriteOperation } from './taxWriteOperation.js';

/**
 * 注销税务登记 (cancellation of a registration still unused): `POST /api/swdj/zx` with
 * `{ qqlsh, nsrsbh }`. Only a taxpayer registered through this interface that has done nothing
 * yet can be cancelled here; one with a tax history (every taxpayer of the data set has returns)
 * must go through the full deregistration at the bureau (3004); an unknown one is 3001.
 * Answer data: `{ nsrsbh, zxrq }`.
 */
export const cancelTaxpayer = taxWriteOperation({
  name: 'swdj.zx',
  path: '/api/swdj/zx',
  read(body) {
    const { nsrsbh } = body;
    if (typeof nsrsbh !== 'string' || nsrsbh === '') throw new TaxRefusal('malformedRequest', 'nsrsbh is required');
    const problem = usccProblem(nsrsbh);
    if (problem) throw new TaxRefusal('malformedTaxpayerId', `nsrsbh: ${problem}`);
    return { nsrsbh: canonicalId(nsrsbh) };
  },
  decide(input, { dataSet, register, now }) {
    if (dataSet.companyByUscc.has(input.nsrsbh)) throw new TaxRefusal('taxpayerInUse');
    if (!register.get(input.nsrsbh)) throw new TaxRefusal('taxpayerNotFound');
    return { nsrsbh: input.nsrsbh, zxrq: chinaDate(now()) };
  },
});
