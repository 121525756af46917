/** A company as the graph sees it (portal contract: type Company), translated from the registry's qyxx. */
export interface CompanyRecord {
  uscc: string;
  name: string;
  legalForm: string;
  /** PENDING, REJECTED and WITHDRAWN only for a registration made through the graph (registerEnterprise). */
  status: 'ACTIVE' | 'REVOKED' | 'CANCELLED' | 'PENDING' | 'REJECTED' | 'WITHDRAWN';
  /** YYYY-MM-DD */
  establishedOn: string;
  /** Decimal CNY, "12345.67" */
  registeredCapital: string;
  address: string;
  businessScope: string;
  legalRepresentativeName: string;
  /** The representative's resident ID, canonical (upper-case X). */
  legalRepresentativeId: string;
}
