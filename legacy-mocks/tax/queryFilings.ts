import { canonicalId, usccProblem } from '../../core/ids.js';
import { filingsOf } from '../data/index.js';
import type { TaxOperation } from './TaxOperation.js';
import { TaxRefusal } from './TaxRefusal.js';
import { readTaxYear } from './readTaxYear.js';
import { TAX_DEFAULT_PAGE_SIZE, TAX_MAX_PAGE_SIZE } from './taxLimits.js';
import { toLegacyFiling } from './toLegacyFiling.js';

const NAME = 'sbxx.cx';

/** The highest page number accepted: far beyond any taxpayer's filings of a year. */
const MAX_PAGE_NO = 100_000;

/**
 * 申报信息查询: one taxpayer's tax returns of one year, a page at a time.
 * GET ?nsrsbh=&nd=&pageNo=(1)&pageSize=(20, at most 100); response data
 * `{ total, pageNo, pageSize, sbxxList: LegacyFiling[] }`, ordered by period end, then the
 * shorter period first. An unknown taxpayer is 3001; a page past the end is an empty list.
 */
export const queryFilings: TaxOperation = {
  name: NAME,
  method: 'GET',
  path: '/api/sbxx/cx',
  run({ query }, { dataSet, register, stats }) {
    const nsrsbh = query.get('nsrsbh');
    if (nsrsbh === null || nsrsbh === '') throw new TaxRefusal('malformedRequest', 'nsrsbh is required');
    const problem = usccProblem(nsrsbh);
    if (problem) throw new TaxRefusal('malformedTaxpayerId', `nsrsbh: ${problem}`);
    const nd = query.get('nd');
    if (nd === null || nd === '') throw new TaxRefusal('malformedRequest', 'nd is required');
    const year = readTaxYear(nd, 'nd');
    const pageNo = readPageParameter(query.get('pageNo'), 'pageNo', 1, MAX_PAGE_NO, 1);
    const pageSize = readPageParameter(query.get('pageSize'), 'pageSize', 1, TAX_MAX_PAGE_SIZE, TAX_DEFAULT_PAGE_SIZE);
    stats.record(NAME, 1);

    const company = dataSet.companyByUscc.get(canonicalId(nsrsbh));
    if (!company) {
      if (!register.get(canonicalId(nsrsbh))) throw new TaxRefusal('taxpayerNotFound');
      // Registered through this interface: a taxpayer that has not filed anything yet.
      return { total: 0, pageNo, pageSize, sbxxList: [] };
    }
    // filingsOf lists a year month by month with the annual returns last: that is period-end order.
    const filings = filingsOf(company, year);
    const first = (pageNo - 1) * pageSize;
    return {
      total: filings.length,
      pageNo,
      pageSize,
      sbxxList: filings.slice(first, first + pageSize).map(toLegacyFiling),
    };
  },
};

function readPageParameter(value: string | null, name: string, min: number, max: number, fallback: number): number {
  if (value === null || value === '') return fallback;
  const number = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max))
    throw new TaxRefusal('badPage', `${name} must be a whole number from ${min} to ${max}`);
  return number;
}
