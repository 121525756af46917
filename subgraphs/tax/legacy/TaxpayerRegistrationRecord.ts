/** What the bureau answered to a registration write (税务登记 or its cancellation). */
export interface TaxpayerRegistrationRecord {
  /** The taxpayer's number, its USCC, canonical. */
  uscc: string;
  status: 'REGISTERED' | 'CANCELLED';
  /** 登记序号, the bureau's 20-digit registration number; null in a cancellation's answer. */
  registrationNumber: string | null;
  /** YYYY-MM-DD: the day registered (REGISTERED) or cancelled (CANCELLED). */
  on: string;
}
