/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date as an ISO 8601 string, e.g. "2024-03-31". */
  Date: { input: string; output: string; }
  /** An exact amount of money in CNY, serialised as a string with two decimals, e.g. "12345.67". */
  Decimal: { input: string; output: string; }
};

/** A company registered with the market regulator. */
export type Company = {
  __typename?: 'Company';
  address: Scalars['String']['output'];
  businessScope: Scalars['String']['output'];
  establishedOn: Scalars['Date']['output'];
  /** Legal form as registered, e.g. 有限责任公司(自然人投资或控股). */
  legalForm: Scalars['String']['output'];
  /** The legal representative as a person of the graph (not public). */
  legalRepresentative: Person;
  /** The legal representative's name as printed on the public business licence. */
  legalRepresentativeName: Scalars['String']['output'];
  name: Scalars['String']['output'];
  registeredCapital: Scalars['Decimal']['output'];
  /** Every shareholder with the share held. */
  shareholders: Array<Shareholding>;
  /** The company's account as an employer; null when it has none. */
  socialInsurance?: Maybe<EmployerAccount>;
  status: CompanyStatus;
  /** The company as a taxpayer; null when the tax bureau does not know it (or cannot answer: see errors). */
  tax?: Maybe<TaxProfile>;
  /** Unified social credit code: the company's key across all departments. */
  uscc: Scalars['ID']['output'];
};

/** Registration status in the enterprise registry. */
export type CompanyStatus =
  /** In business (存续). */
  | 'ACTIVE'
  /** Deregistered (注销). */
  | 'CANCELLED'
  /** Business licence revoked by the regulator (吊销). */
  | 'REVOKED';

/** One month's contribution. */
export type Contribution = {
  __typename?: 'Contribution';
  base: Scalars['Decimal']['output'];
  /** The employer's share. */
  employerAmount: Scalars['Decimal']['output'];
  /** YYYY-MM */
  period: Scalars['String']['output'];
  /** The person's own share. */
  personalAmount: Scalars['Decimal']['output'];
};

/** A company's social insurance account as an employer. */
export type EmployerAccount = {
  __typename?: 'EmployerAccount';
  accountNumber: Scalars['String']['output'];
  arrears: Scalars['Decimal']['output'];
  /** Employees currently insured through this company. */
  insuredHeadcount: Scalars['Int']['output'];
  /** YYYY-MM */
  lastPaidPeriod: Scalars['String']['output'];
};

export type Gender =
  | 'FEMALE'
  | 'MALE';

/** An annual individual income tax reconciliation. */
export type IncomeTaxReturn = {
  __typename?: 'IncomeTaxReturn';
  income: Scalars['Decimal']['output'];
  /** Refund owed to the person; 0.00 when the person owes instead. */
  refundDue: Scalars['Decimal']['output'];
  /** Tax due on the year's income. */
  taxDue: Scalars['Decimal']['output'];
  /** Tax withheld or prepaid during the year. */
  taxPaid: Scalars['Decimal']['output'];
  year: Scalars['Int']['output'];
};

/** A resident, keyed by the 18-character resident ID (GB 11643-1999). */
export type Person = {
  __typename?: 'Person';
  birthDate: Scalars['Date']['output'];
  gender: Gender;
  id: Scalars['ID']['output'];
  /** The annual individual income tax reconciliation for `year`; null when none was filed. */
  incomeTax?: Maybe<IncomeTaxReturn>;
  /** Companies this person legally represents. */
  legalRepresentativeOf: Array<Company>;
  name: Scalars['String']['output'];
  /** Stakes this person holds in companies. */
  shareholdings: Array<Shareholding>;
  /** The social insurance account; null for a resident who has none. */
  socialSecurity?: Maybe<SocialSecurityAccount>;
};


/** A resident, keyed by the 18-character resident ID (GB 11643-1999). */
export type PersonIncomeTaxArgs = {
  year: Scalars['Int']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** A company by its unified social credit code (18 characters, GB 32100-2015). Null when the registry does not know it. */
  company?: Maybe<Company>;
  /** The calling citizen; null for anyone who is not a person. */
  me?: Maybe<Person>;
  /** A resident by resident ID (18 characters, GB 11643-1999). Null when the bureau does not know them. */
  person?: Maybe<Person>;
  /** Companies whose registered name contains `name`, registry order, at most `first` (1 to 100). */
  searchCompanies: Array<Company>;
};


export type QueryCompanyArgs = {
  uscc: Scalars['ID']['input'];
};


export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySearchCompaniesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
};

/** One shareholder's stake in one company. */
export type Shareholding = {
  __typename?: 'Shareholding';
  /** The company the stake is in. */
  company: Company;
  holder: Person;
  holderName: Scalars['String']['output'];
  /** Percent of the registered capital, e.g. 12.5. */
  sharePercent: Scalars['Float']['output'];
  subscribedCapital: Scalars['Decimal']['output'];
};

/** A person's social insurance account. */
export type SocialSecurityAccount = {
  __typename?: 'SocialSecurityAccount';
  accountNumber: Scalars['String']['output'];
  /** The monthly contribution base. */
  contributionBase: Scalars['Decimal']['output'];
  /** Monthly contributions between two periods, inclusive, both "YYYY-MM". */
  contributions: Array<Contribution>;
  /** The employer paying the contributions; null for the self-employed or a closed account. */
  employer?: Maybe<Company>;
  medicalBalance: Scalars['Decimal']['output'];
  pensionBalance: Scalars['Decimal']['output'];
  /** ACTIVE, SUSPENDED or TERMINATED. */
  status: Scalars['String']['output'];
};


/** A person's social insurance account. */
export type SocialSecurityAccountContributionsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};

/** One tax return. */
export type TaxFiling = {
  __typename?: 'TaxFiling';
  amount: Scalars['Decimal']['output'];
  filedOn: Scalars['Date']['output'];
  /** The period filed for: 2024-03 (a month), 2024-Q1 (a quarter) or 2024 (a year). */
  period: Scalars['String']['output'];
  /** VAT, CORPORATE_INCOME_TAX, INDIVIDUAL_INCOME_TAX_WITHHOLDING or STAMP_DUTY. */
  taxKind: Scalars['String']['output'];
};

/** A company's taxpayer record. */
export type TaxProfile = {
  __typename?: 'TaxProfile';
  /** Tax owed and overdue. */
  arrears: Scalars['Decimal']['output'];
  /** Tax credit rating of the latest year: A, B, M, C or D. */
  creditRating: Scalars['String']['output'];
  /** Returns filed for periods in `year`, in period order. */
  filings: Array<TaxFiling>;
  registeredOn: Scalars['Date']['output'];
  /** GENERAL or SMALL_SCALE (VAT taxpayer type). */
  taxpayerType: Scalars['String']['output'];
};


/** A company's taxpayer record. */
export type TaxProfileFilingsArgs = {
  year: Scalars['Int']['input'];
};

/** Registration status in the enterprise registry. */
export type CompanyStatus =
  /** In business (存续). */
  | 'ACTIVE'
  /** Deregistered (注销). */
  | 'CANCELLED'
  /** Business licence revoked by the regulator (吊销). */
  | 'REVOKED';

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type CitizenDashboardQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type CitizenDashboardQuery = { person: { id: string, name: string, gender: Gender, birthDate: string, socialSecurity: { accountNumber: string, status: string, contributionBase: string, pensionBalance: string, medicalBalance: string, employer: { uscc: string, name: string, tax: { taxpayerType: string, creditRating: string, arrears: string } | null } | null } | null, legalRepresentativeOf: Array<{ uscc: string, name: string, status: CompanyStatus, tax: { taxpayerType: string, creditRating: string, arrears: string } | null, socialInsurance: { accountNumber: string, insuredHeadcount: number, arrears: string, lastPaidPeriod: string } | null }>, incomeTax: { year: number, income: string, taxPaid: string, taxDue: string, refundDue: string } | null } | null };

export type CompanyProfileQueryVariables = Exact<{
  uscc: string | number;
  year: number;
}>;


export type CompanyProfileQuery = { company: { uscc: string, name: string, legalForm: string, status: CompanyStatus, establishedOn: string, registeredCapital: string, address: string, businessScope: string, legalRepresentativeName: string, shareholders: Array<{ holderName: string, sharePercent: number, subscribedCapital: string, holder: { id: string } }>, tax: { taxpayerType: string, registeredOn: string, creditRating: string, arrears: string, filings: Array<{ period: string, taxKind: string, amount: string, filedOn: string }> } | null, socialInsurance: { accountNumber: string, insuredHeadcount: number, arrears: string, lastPaidPeriod: string } | null } | null };

export type SearchCompaniesQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
}>;


export type SearchCompaniesQuery = { searchCompanies: Array<{ uscc: string, name: string, status: CompanyStatus, legalForm: string, legalRepresentativeName: string }> };


export const CitizenDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"socialSecurity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contributionBase"}},{"kind":"Field","name":{"kind":"Name","value":"pensionBalance"}},{"kind":"Field","name":{"kind":"Name","value":"medicalBalance"}},{"kind":"Field","name":{"kind":"Name","value":"employer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialInsurance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredHeadcount"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}},{"kind":"Field","name":{"kind":"Name","value":"lastPaidPeriod"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeTax"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"income"}},{"kind":"Field","name":{"kind":"Name","value":"taxPaid"}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"}},{"kind":"Field","name":{"kind":"Name","value":"refundDue"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenDashboardQuery, CitizenDashboardQueryVariables>;
export const CompanyProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"businessScope"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeName"}},{"kind":"Field","name":{"kind":"Name","value":"shareholders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedCapital"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}},{"kind":"Field","name":{"kind":"Name","value":"filings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"taxKind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialInsurance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredHeadcount"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}},{"kind":"Field","name":{"kind":"Name","value":"lastPaidPeriod"}}]}}]}}]}}]} as unknown as DocumentNode<CompanyProfileQuery, CompanyProfileQueryVariables>;
export const SearchCompaniesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCompanies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchCompanies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeName"}}]}}]}}]} as unknown as DocumentNode<SearchCompaniesQuery, SearchCompaniesQueryVariables>;