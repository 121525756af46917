import type { TaxOperation } from './TaxOperation.js';
import { queryFilings } from './queryFilings.js';
import { queryIncomeTaxReturns } from './queryIncomeTaxReturns.js';
import { queryTaxpayers } from './queryTaxpayers.js';
import { cancelTaxpayer } from './cancelTaxpayer.js';
import { registerTaxpayer } from './registerTaxpayer.js';

/** The operations of the tax system's interface document (README.md describes each). */
export const TAX_OPERATIONS: readonly TaxOperation[] = Object.freeze([
  queryTaxpayers, // 纳税人信息批量查询
  queryFilings, // 申报信息查询
  queryIncomeTaxReturns, // 个人所得税汇算清缴批量查询
  registerTaxpayer, // 税务登记
  cancelTaxpayer, // 注销税务登记 (still unused)
]);
