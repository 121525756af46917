/** A company's tax profile in graph terms (Company.tax). */
export interface TaxProfileRecord {
  uscc: string;
  taxpayerType: 'GENERAL' | 'SMALL_SCALE';
  /** YYYY-MM-DD */
  registeredOn: string;
  creditRating: 'A' | 'B' | 'M' | 'C' | 'D';
  /** Decimal CNY */
  arrears: string;
}
