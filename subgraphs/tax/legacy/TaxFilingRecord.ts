/** The kinds of tax the graph names a filing by (TaxFiling.taxKind). */
export type TaxKind = 'VAT' | 'CORPORATE_INCOME_TAX' | 'INDIVIDUAL_INCOME_TAX_WITHHOLDING' | 'STAMP_DUTY';

/** One tax return of a company in graph terms (TaxProfile.filings). */
export interface TaxFilingRecord {
  /** "2024-03" month, "2024-Q1" quarter, "2024" year */
  period: string;
  taxKind: TaxKind;
  /** Decimal CNY */
  amount: string;
  /** YYYY-MM-DD */
  filedOn: string;
}
