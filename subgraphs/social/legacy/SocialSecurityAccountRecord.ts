/**
 * A resident's social insurance account in the graph's words (Person.socialSecurity): the
 * resolvers' parent for SocialSecurityAccount. Money is the graph's Decimal string in CNY.
 */
export interface SocialSecurityAccountRecord {
  personId: string;
  accountNumber: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
  /** null for the self-employed and for terminated accounts. */
  employerUscc: string | null;
  contributionBase: string;
  pensionBalance: string;
  medicalBalance: string;
}
