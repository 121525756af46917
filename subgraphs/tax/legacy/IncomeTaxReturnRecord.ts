/** A person's annual income tax reconciliation in graph terms (Person.incomeTax). */
export interface IncomeTaxReturnRecord {
  personId: string;
  year: number;
  /** Decimal CNY, as are the other amounts. */
  income: string;
  taxDue: string;
  taxPaid: string;
  /** What the bureau pays back: taxPaid − taxDue when positive, "0.00" when the person owes. */
  refundDue: string;
}
