/** What the registry answered to a registration write (registerEnterprise, decideRegistration, withdrawRegistration). */
export interface EnterpriseRegistrationRecord {
  /** The registration's unified social credit code, canonical. */
  uscc: string;
  status: 'PENDING' | 'ACTIVE' | 'REJECTED' | 'WITHDRAWN';
  /** YYYY-MM-DD: the day the application was accepted (PENDING) or the company established (ACTIVE); null otherwise. */
  on: string | null;
  /** The legal representative's resident ID when this write named them (registerEnterprise), else null. */
  legalRepresentativeId: string | null;
}
