/** What the bureau answered to OpenEmployerAccount (单位参保登记). */
export interface EmployerAccountOpeningRecord {
  /** The employer's USCC, canonical. */
  uscc: string;
  /** 单位编号, the new employer account number. */
  accountNumber: string;
  /** YYYY-MM: the first month the employer pays for. */
  firstContributionMonth: string;
  /** YYYY-MM-DD: the day the account was opened. */
  openedOn: string;
}
