/**
 * The shared data set, in the graph's own words. Each legacy mock translates it into its own
 * vocabulary (pinyin field names, yyyyMMdd, fen, 10k CNY, status digits); each subgraph adapter
 * translates back. Amounts are integers in fen, so no float ever touches money.
 */

export type Gender = 'MALE' | 'FEMALE';
export type CompanyStatus = 'ACTIVE' | 'REVOKED' | 'CANCELLED';
export type InsuranceStatus = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED';
export type TaxpayerType = 'GENERAL' | 'SMALL_SCALE';
export type CreditRating = 'A' | 'B' | 'M' | 'C' | 'D';
export type TaxKind = 'VAT' | 'CORPORATE_INCOME_TAX' | 'INDIVIDUAL_INCOME_TAX_WITHHOLDING' | 'STAMP_DUTY';

export interface Resident {
  id: string;
  name: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  phone: string;
  address: string;
  insurance: InsuranceAccount | null;
}

export interface InsuranceAccount {
  accountNumber: string;
  status: InsuranceStatus;
  employerUscc: string | null;
  contributionBaseFen: number;
  /** YYYYMM: the first month contributed. */
  startPeriod: string;
  /** YYYYMM: the last month contributed; the data set's last period while the account is active. */
  endPeriod: string;
}

export interface Company {
  uscc: string;
  name: string;
  legalForm: string;
  status: CompanyStatus;
  /** YYYY-MM-DD */
  establishedOn: string;
  registeredCapitalFen: number;
  address: string;
  businessScope: string;
  legalRepresentativeId: string;
  tax: TaxProfile;
  employerAccount: EmployerAccount | null;
}

export interface TaxProfile {
  taxpayerType: TaxpayerType;
  /** YYYY-MM-DD */
  registeredOn: string;
  creditRating: CreditRating;
  arrearsFen: number;
}

export interface EmployerAccount {
  accountNumber: string;
  arrearsFen: number;
  /** YYYYMM */
  lastPaidPeriod: string;
}

export interface Shareholding {
  companyUscc: string;
  holderId: string;
  subscribedCapitalFen: number;
  /** Percent of the registered capital, two decimals. */
  sharePercent: number;
}

export interface Contribution {
  /** YYYYMM */
  period: string;
  baseFen: number;
  personalFen: number;
  employerFen: number;
}

export interface TaxFiling {
  /** YYYYMM for monthly, YYYYQn for quarterly, YYYY for annual filings. */
  period: string;
  taxKind: TaxKind;
  amountFen: number;
  /** YYYY-MM-DD */
  filedOn: string;
}

export interface IncomeTaxReturn {
  year: number;
  incomeFen: number;
  taxPaidFen: number;
  taxDueFen: number;
  refundDueFen: number;
}

/** The named fixtures that tests, benchmarks and the README use; see legacy-mocks/data/FIXTURES.md. */
export interface Fixtures {
  /** Legal representative of three companies, insured and employed by the first of them: the citizen dashboard. */
  multiRepresentative: string;
  /** A company owing tax (arrears > 0). */
  companyInArrears: string;
  /** A company whose licence was revoked. */
  revokedCompany: string;
  /** A resident with no social insurance account at all. */
  personWithoutSocialInsurance: string;
  /** A company with 500 shareholders. */
  companyWithManyShareholders: string;
  /** A company with exactly two shareholders. */
  companyWithTwoShareholders: string;
  /** Employed by companyWithTwoShareholders and one of its two shareholders. */
  employeeShareholder: string;
  /** Companies with exactly 1, 10, 100 and 1,000 shareholders, for the growth benchmark. */
  companyWithShareholders: { 1: string; 10: string; 100: string; 1000: string };
}

export interface DataSet {
  seed: number;
  residents: readonly Resident[];
  companies: readonly Company[];
  shareholdings: readonly Shareholding[];
  residentById: ReadonlyMap<string, Resident>;
  companyByUscc: ReadonlyMap<string, Company>;
  companiesByLegalRepresentative: ReadonlyMap<string, readonly Company[]>;
  shareholdingsByCompany: ReadonlyMap<string, readonly Shareholding[]>;
  shareholdingsByHolder: ReadonlyMap<string, readonly Shareholding[]>;
  insuredEmployeesByCompany: ReadonlyMap<string, readonly Resident[]>;
  fixtures: Fixtures;
}
