/** One month of a resident's contributions in the graph's words (Contribution); money in Decimal CNY. */
export interface ContributionRecord {
  /** The month paid for, a Period: YYYY-MM */
  period: string;
  base: string;
  personalAmount: string;
  employerAmount: string;
}
