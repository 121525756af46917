/** An employer's social insurance account in the graph's words (Company.socialInsurance); money in Decimal CNY. */
export interface EmployerAccountRecord {
  uscc: string;
  accountNumber: string;
  /** Employees whose insurance is active. */
  insuredHeadcount: number;
  arrears: string;
  /** The last month paid for, a Period: YYYY-MM */
  lastPaidPeriod: string;
}
