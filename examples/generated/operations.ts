/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Registration status in the enterprise registry. */
export type CompanyStatus =
  /** In business (存续). */
  | 'ACTIVE'
  /** Deregistered (注销). */
  | 'CANCELLED'
  /** Applied for through `registerEnterprise` and waiting for a market officer's approval (待核准); not yet an enterprise. */
  | 'PENDING'
  /** A registration a market officer refused (已驳回); only the answer of `decideRegistration` says so, the registry then forgets it. */
  | 'REJECTED'
  /** Business licence revoked by the regulator (吊销). */
  | 'REVOKED'
  /** A registration its applicant withdrew while it was pending (已撤回); only the answer of `withdrawRegistration` says so. */
  | 'WITHDRAWN';

/** Gender as recorded in the resident ID. */
export type Gender =
  /** Female (女). */
  | 'FEMALE'
  /** Male (男). */
  | 'MALE';

/** Whether contributions are being paid into a social insurance account. */
export type SocialSecurityStatus =
  /** Contributions are being paid (正常参保). */
  | 'ACTIVE'
  /** Payments are interrupted, e.g. between jobs; the account is kept (暂停缴费). */
  | 'SUSPENDED'
  /** The account is closed, e.g. moved away or retired into a pension (终止参保). */
  | 'TERMINATED';

/** The tax credit rating (纳税信用级别) the bureau gives a company each year, best first. */
export type TaxCreditRating =
  /** Excellent: 90 points or more. */
  | 'A'
  /** Good: 70 to 89 points. */
  | 'B'
  /** Poor: 40 to 69 points. */
  | 'C'
  /** Bad: under 40 points, or a serious violation. */
  | 'D'
  /** A new taxpayer, or one without a full year of records. */
  | 'M';

/** The tax a return is for (征收项目). */
export type TaxKind =
  /** Corporate income tax (企业所得税). */
  | 'CORPORATE_INCOME_TAX'
  /** Individual income tax the company withheld from its employees' pay (个人所得税代扣代缴). */
  | 'INDIVIDUAL_INCOME_TAX_WITHHOLDING'
  /** Stamp duty (印花税). */
  | 'STAMP_DUTY'
  /** Value added tax (增值税). */
  | 'VAT';

/** A company's VAT taxpayer type (增值税纳税人类型). */
export type TaxpayerType =
  /** A general VAT taxpayer (一般纳税人): deducts input VAT. */
  | 'GENERAL'
  /** A small-scale VAT taxpayer (小规模纳税人): a flat rate, no deduction. */
  | 'SMALL_SCALE';

export type CitizenDashboardQueryVariables = Exact<{
  year: number;
}>;


export type CitizenDashboardQuery = { me: { id: string, name: string | null, gender: Gender | null, birthDate: string | null, phone: string | null, address: string | null, socialSecurity: { accountNumber: string | null, status: SocialSecurityStatus | null, contributionBase: string | null, pensionBalance: string | null, medicalBalance: string | null, employer: { uscc: string, name: string, tax: { taxpayerType: TaxpayerType | null, creditRating: TaxCreditRating | null } | null } | null } | null, legalRepresentativeOf: Array<{ uscc: string, name: string, status: CompanyStatus, tax: { taxpayerType: TaxpayerType | null, creditRating: TaxCreditRating | null } | null }> | null, incomeTax: { year: number | null, income: string | null, taxPaid: string | null, taxDue: string | null, refundDue: string | null } | null } | null };

export type CompanyProfileQueryVariables = Exact<{
  uscc: string | number;
  year: number;
}>;


export type CompanyProfileQuery = { company: { uscc: string, name: string, legalForm: string, status: CompanyStatus, establishedOn: string, registeredCapital: string, address: string, businessScope: string, legalRepresentativeName: string, shareholders: { totalCount: number | null, hasNextPage: boolean | null, endCursor: string | null, holdings: Array<{ holderName: string | null, sharePercent: number | null, subscribedCapital: string | null, holder: { id: string } | null }> | null } | null, tax: { taxpayerType: TaxpayerType | null, registeredOn: string | null, creditRating: TaxCreditRating | null, arrears: string | null, filings: Array<{ period: string | null, taxKind: TaxKind | null, amount: string | null, filedOn: string | null }> | null } | null, socialInsurance: { accountNumber: string | null, insuredHeadcount: number | null, arrears: string | null, lastPaidPeriod: string | null } | null } | null };

export type SearchCompaniesQueryVariables = Exact<{
  name: string;
  first?: number | null | undefined;
}>;


export type SearchCompaniesQuery = { searchCompanies: Array<{ uscc: string, name: string, status: CompanyStatus, legalForm: string, legalRepresentativeName: string }> };


export const CitizenDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"socialSecurity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contributionBase"}},{"kind":"Field","name":{"kind":"Name","value":"pensionBalance"}},{"kind":"Field","name":{"kind":"Name","value":"medicalBalance"}},{"kind":"Field","name":{"kind":"Name","value":"employer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeTax"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"income"}},{"kind":"Field","name":{"kind":"Name","value":"taxPaid"}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"}},{"kind":"Field","name":{"kind":"Name","value":"refundDue"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenDashboardQuery, CitizenDashboardQueryVariables>;
export const CompanyProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"businessScope"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeName"}},{"kind":"Field","name":{"kind":"Name","value":"shareholders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedCapital"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}},{"kind":"Field","name":{"kind":"Name","value":"filings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"taxKind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialInsurance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredHeadcount"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}},{"kind":"Field","name":{"kind":"Name","value":"lastPaidPeriod"}}]}}]}}]}}]} as unknown as DocumentNode<CompanyProfileQuery, CompanyProfileQueryVariables>;
export const SearchCompaniesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCompanies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchCompanies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeName"}}]}}]}}]} as unknown as DocumentNode<SearchCompaniesQuery, SearchCompaniesQueryVariables>;