import type { TaxKind } from '../data/index.js';

/**
 * The national tax item codes (征收项目代码, zsxmDm) and names (zsxmMc) of the tax kinds the data
 * set files. The codes are the State Taxation Administration's, not this system's invention.
 */
export const TAX_ITEM_CODES: Readonly<Record<TaxKind, { zsxmDm: string; zsxmMc: string }>> = {
  VAT: { zsxmDm: '10101', zsxmMc: '增值税' },
  CORPORATE_INCOME_TAX: { zsxmDm: '10104', zsxmMc: '企业所得税' },
  INDIVIDUAL_INCOME_TAX_WITHHOLDING: { zsxmDm: '10106', zsxmMc: '个人所得税' },
  STAMP_DUTY: { zsxmDm: '10111', zsxmMc: '印花税' },
};
