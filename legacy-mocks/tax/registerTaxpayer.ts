import { randomInt } from 'node:crypto';
import { canonicalId, usccProblem } from '../../core/ids.js';
import { chinaDate } from '../common/index.js';
import { TaxRefusal } from './TaxRefusal.js';
import { taxWriteOperation } from './taxWriteOperation.js';

/** The longest taxpayer name the register holds. */
const MAX_NAME_LENGTH = 100;

/**
 * 税务登记 (taxpayer registration): `POST /api/swdj/dj` with `{ qqlsh, nsrsbh, nsrlx, nsrmc? }`.
 * The bureau checks on its own what it can: a well-formed number (2002), a known taxpayer type
 * (2010), not registered already (3002). It does not ask the market regulator whether the company
 * exists: its own data exchange catches up later. Answer data: `{ nsrsbh, djxh, swdjrq }`.
 */
export const registerTaxpayer = taxWriteOperation({
  name: 'swdj.dj',
  path: '/api/swdj/dj',
  read(body) {
    const { nsrsbh, nsrlx, nsrmc } = body;
    if (typeof nsrsbh !== 'string' || nsrsbh === '') throw new TaxRefusal('malformedRequest', 'nsrsbh is required');
    const problem = usccProblem(nsrsbh);
    if (problem) throw new TaxRefusal('malformedTaxpayerId', `nsrsbh: ${problem}`);
    if (nsrlx !== '1' && nsrlx !== '2') throw new TaxRefusal('badTaxpayerType');
    if (nsrmc !== undefined && (typeof nsrmc !== 'string' || [...nsrmc.trim()].length > MAX_NAME_LENGTH))
      throw new TaxRefusal('malformedRequest', `nsrmc must be text of at most ${MAX_NAME_LENGTH} characters`);
    return { nsrsbh: canonicalId(nsrsbh), nsrlx: nsrlx as '1' | '2', nsrmc: (nsrmc ?? '').trim() };
  },
  decide(input, { dataSet, register, now }) {
    if (dataSet.companyByUscc.has(input.nsrsbh) || register.get(input.nsrsbh))
      throw new TaxRefusal('alreadyRegistered');
    // 登记序号: the bureau's own 20-digit serial of a registration.
    const djxh = `10${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e9)).padStart(9, '0')}`;
    return { nsrsbh: input.nsrsbh, djxh, swdjrq: chinaDate(now()) };
  },
});
