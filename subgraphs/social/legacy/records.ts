/**
 * What the social insurance system knows, in the graph's words: the adapter's output and the
 * resolvers' parents (codegen mappers point Person, SocialSecurityAccount and EmployerAccount
 * here). Money is the graph's Decimal string in CNY ("12345.67"), periods are "YYYY-MM".
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

export interface PersonRecord {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** YYYY-MM-DD */
  birthDate: string;
  /** 11 digits starting with 1; null when the bureau has none on file. */
  phone: string | null;
  /** At most 200 characters; null when the bureau has none on file. */
  address: string | null;
  /** null when the resident has never been insured. */
  account: SocialSecurityAccountRecord | null;
}

export interface ContributionRecord {
  /** YYYY-MM */
  period: string;
  base: string;
  personalAmount: string;
  employerAmount: string;
}

export interface EmployerAccountRecord {
  uscc: string;
  accountNumber: string;
  /** Employees whose insurance is active. */
  insuredHeadcount: number;
  arrears: string;
  /** YYYY-MM */
  lastPaidPeriod: string;
}
