/** One holder's stake in one company (portal contract: type Shareholding), translated from the registry's gdxx. */
export interface ShareholdingRecord {
  companyUscc: string;
  /** The holder's resident ID, canonical (upper-case X). */
  holderId: string;
  holderName: string;
  /** Percent of the registered capital, e.g. 12.5 for 12.50 %. */
  sharePercent: number;
  /** Decimal CNY, "12345.67" */
  subscribedCapital: string;
}
