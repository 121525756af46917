import type { TaxKind } from './TaxFilingRecord.js';

/** The national tax item codes (征收项目代码) the bureau reports filings under. */
const TAX_KINDS: ReadonlyMap<string, TaxKind> = new Map([
  ['10101', 'VAT'],
  ['10104', 'CORPORATE_INCOME_TAX'],
  ['10106', 'INDIVIDUAL_INCOME_TAX_WITHHOLDING'],
  ['10111', 'STAMP_DUTY'],
]);

/** The graph's tax kind for a zsxmDm; throws on a code the graph has no kind for. */
export function toTaxKind(zsxmDm: string): TaxKind {
  const kind = TAX_KINDS.get(zsxmDm);
  if (!kind) throw new RangeError('a tax item code the graph does not know');
  return kind;
}
