/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What the privacy policy decided for one field of one access. */
export type AccessDecision =
  /** The value was given. */
  | 'ALLOWED'
  /** The value was refused (null with a FORBIDDEN error). */
  | 'DENIED'
  /** The value was given masked, e.g. a phone number as 138****5678. */
  | 'MASKED';

/** What kind of caller accessed the data. */
export type AccessorKind =
  /** A caller without a token (public data only; recorded when it was refused protected fields). */
  | 'ANONYMOUS'
  /** A company, signed in through a portal. */
  | 'COMPANY'
  /** An officer of a department, with roles and usually a stated purpose. */
  | 'OFFICER'
  /** A resident, signed in through a portal. */
  | 'PERSON';

/** Who may apply for a matter. */
export type ApplicantKind =
  /** A company, by USCC. */
  | 'COMPANY'
  /** A resident, by resident ID. */
  | 'RESIDENT';

/** One value the applicant typed for an input of the matter. */
export type ApplicationAnswer = {
  /** The input's name, as `Matter.inputs` lists it, e.g. companyName. */
  name: string;
  /** The value as typed, at most 500 characters. */
  value: string;
};

/** Where an application stands. */
export type ApplicationStatus =
  /** An officer's decision is awaited. */
  | 'AWAITING_DECISION'
  /** Every department has done its part. */
  | 'COMPLETED'
  /** A department could not be reached for as long as the matter allows; what was done was undone. */
  | 'FAILED'
  /** A department refused or an officer rejected it; what could be undone was undone. */
  | 'REFUSED'
  /** The departments are acting on it. */
  | 'RUNNING'
  /** A department cannot be reached; it is asked again, less and less often, for as long as the matter allows. */
  | 'WAITING';

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

/** What kind of value a matter's input takes. */
export type MatterInputType =
  /** One of `MatterInput.choices`. */
  | 'CHOICE'
  /** A day as YYYY-MM-DD. */
  | 'DATE'
  /** An amount such as 100000.00. */
  | 'DECIMAL'
  /** A month as YYYY-MM. */
  | 'PERIOD'
  /** Any text, at most 500 characters. */
  | 'TEXT';

/** Whether contributions are being paid into a social insurance account. */
export type SocialSecurityStatus =
  /** Contributions are being paid (正常参保). */
  | 'ACTIVE'
  /** Payments are interrupted, e.g. between jobs; the account is kept (暂停缴费). */
  | 'SUSPENDED'
  /** The account is closed, e.g. moved away or retired into a pension (终止参保). */
  | 'TERMINATED';

/** Where one step of an application stands. */
export type StepStatus =
  /** An officer's decision is awaited. */
  | 'AWAITING_DECISION'
  /** The department did its part. */
  | 'DONE'
  /** The department could not be reached for as long as the matter allows. */
  | 'GAVE_UP'
  /** Done, and not undone from here: an officer must undo it by hand (the application's officerTasks). */
  | 'NOT_UNDONE'
  /** Not started: it waits for the steps before it. */
  | 'PENDING'
  /** The department refused; the reason says why. */
  | 'REFUSED'
  /** The officer refused; the reason says why. */
  | 'REJECTED'
  /** The department is being asked. */
  | 'RUNNING'
  /** Done, then undone because the application stopped. */
  | 'UNDONE'
  /** The department cannot be reached; it is asked again, less and less often. */
  | 'WAITING';

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

export type ApplicationProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type ApplicationProgressQuery = { application: { id: string | null, applicant: string | null, status: ApplicationStatus | null, reason: string | null, officerTasks: Array<string> | null, submittedAt: string | null, promisedBy: string | null, matter: { name: string, title: string } | null, steps: Array<{ name: string | null, department: string | null, status: StepStatus | null, reason: string | null, at: string | null, outputs: Array<{ name: string | null, value: string | null }> | null }> | null } | null };

export type ApplyForMutationVariables = Exact<{
  matter: string | number;
  applicant: string | number;
  input: Array<ApplicationAnswer> | ApplicationAnswer;
  idempotencyKey: string;
}>;


export type ApplyForMutation = { applyFor: { id: string | null, status: ApplicationStatus | null } | null };

export type CompanyShareholdersQueryVariables = Exact<{
  uscc: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CompanyShareholdersQuery = { company: { uscc: string, shareholders: { totalCount: number | null, hasNextPage: boolean | null, endCursor: string | null, holdings: Array<{ holderName: string | null, sharePercent: number | null, subscribedCapital: string | null }> | null } | null } | null };

export type DecideMutationVariables = Exact<{
  step: string | number;
  approve: boolean;
  reason?: string | null | undefined;
}>;


export type DecideMutation = { decide: { id: string | null, status: ApplicationStatus | null, reason: string | null } | null };

export type MattersQueryVariables = Exact<{ [key: string]: never; }>;


export type MattersQuery = { matters: Array<{ name: string, title: string, description: string, applicants: Array<ApplicantKind> | null, promisedDays: number, prefillPurpose: string | null }> | null };

export type MyAccessLogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyAccessLogQuery = { me: { id: string, dataAccessLog: { endCursor: string | null, hasNextPage: boolean | null, accesses: Array<{ at: string | null, department: string | null, purpose: string | null, accessor: { kind: AccessorKind | null, roles: Array<string> | null, department: string | null, self: boolean | null } | null, fields: Array<{ field: string | null, decision: AccessDecision | null }> | null }> | null } | null } | null };

export type MyApplicationsQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type MyApplicationsQuery = { me: { id: string, applications: Array<{ id: string | null, status: ApplicationStatus | null, reason: string | null, submittedAt: string | null, promisedBy: string | null, matter: { name: string, title: string } | null }> | null } | null };

export type MyPrefillQueryVariables = Exact<{
  matter: string | number;
}>;


export type MyPrefillQuery = { me: { id: string, prefill: Array<{ label: string | null, value: string | null }> | null } | null };

export type PendingDecisionsQueryVariables = Exact<{
  department: string;
  first?: number | null | undefined;
}>;


export type PendingDecisionsQuery = { pendingDecisions: Array<{ step: string | null, name: string | null, role: string | null, since: string | null, application: { id: string | null, applicant: string | null, status: ApplicationStatus | null, submittedAt: string | null, promisedBy: string | null, matter: { name: string, title: string, inputs: Array<{ name: string, label: string }> | null } | null, answers: Array<{ name: string | null, value: string | null }> | null } | null }> | null };

export type ServiceFormQueryVariables = Exact<{
  matter: string | number;
}>;


export type ServiceFormQuery = { matter: { name: string, title: string, description: string, applicants: Array<ApplicantKind> | null, promisedDays: number, prefillPurpose: string | null, inputs: Array<{ name: string, label: string, type: MatterInputType, choices: Array<string> | null }> | null, steps: Array<{ name: string, department: string, decidedBy: string | null }> | null } | null };


export const CitizenDashboardDocument = {"__meta__":{"hash":"sha256:f59388eabeb8ac4c963ded0cc9b8ecb553ceae5fb308437f0cc1ec7834afd9b5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CitizenDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"socialSecurity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contributionBase"}},{"kind":"Field","name":{"kind":"Name","value":"pensionBalance"}},{"kind":"Field","name":{"kind":"Name","value":"medicalBalance"}},{"kind":"Field","name":{"kind":"Name","value":"employer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeOf"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"incomeTax"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"income"}},{"kind":"Field","name":{"kind":"Name","value":"taxPaid"}},{"kind":"Field","name":{"kind":"Name","value":"taxDue"}},{"kind":"Field","name":{"kind":"Name","value":"refundDue"}}]}}]}}]}}]} as unknown as DocumentNode<CitizenDashboardQuery, CitizenDashboardQueryVariables>;
export const CompanyProfileDocument = {"__meta__":{"hash":"sha256:dd88910933f548ed2a1bb2b31af8de3243fbc7581f2c0077d0b11ac9a9fd773f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"establishedOn"}},{"kind":"Field","name":{"kind":"Name","value":"registeredCapital"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"businessScope"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeName"}},{"kind":"Field","name":{"kind":"Name","value":"shareholders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedCapital"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxpayerType"}},{"kind":"Field","name":{"kind":"Name","value":"registeredOn"}},{"kind":"Field","name":{"kind":"Name","value":"creditRating"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}},{"kind":"Field","name":{"kind":"Name","value":"filings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"taxKind"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"filedOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"socialInsurance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"insuredHeadcount"}},{"kind":"Field","name":{"kind":"Name","value":"arrears"}},{"kind":"Field","name":{"kind":"Name","value":"lastPaidPeriod"}}]}}]}}]}}]} as unknown as DocumentNode<CompanyProfileQuery, CompanyProfileQueryVariables>;
export const SearchCompaniesDocument = {"__meta__":{"hash":"sha256:f25a6f7f14139e2d0873e20fc10e521716228efa7d9ad43eeff88f542e0fe617"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SearchCompanies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"searchCompanies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"legalForm"}},{"kind":"Field","name":{"kind":"Name","value":"legalRepresentativeName"}}]}}]}}]} as unknown as DocumentNode<SearchCompaniesQuery, SearchCompaniesQueryVariables>;
export const ApplicationProgressDocument = {"__meta__":{"hash":"sha256:d62aa582bc083e07e829f645a7c158f5bddd241ca0e61db518d0f9fdb664d17c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApplicationProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"matter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicant"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"officerTasks"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"promisedBy"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApplicationProgressQuery, ApplicationProgressQueryVariables>;
export const ApplyForDocument = {"__meta__":{"hash":"sha256:8952af6da766db4bc14ef9b22bfcc3de60e21432b9d53724b22b689db568eef3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApplyFor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"matter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"applicant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationAnswer"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applyFor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"matter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"matter"}}},{"kind":"Argument","name":{"kind":"Name","value":"applicant"},"value":{"kind":"Variable","name":{"kind":"Name","value":"applicant"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApplyForMutation, ApplyForMutationVariables>;
export const CompanyShareholdersDocument = {"__meta__":{"hash":"sha256:b74ae3e0c5e9d039b352e4b6769eefa43772fd56cf89c36e4e4103b11dcff249"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CompanyShareholders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"company"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"shareholders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"holdings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"sharePercent"}},{"kind":"Field","name":{"kind":"Name","value":"subscribedCapital"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CompanyShareholdersQuery, CompanyShareholdersQueryVariables>;
export const DecideDocument = {"__meta__":{"hash":"sha256:c364d70aa841514b10d6bd038fd224faa5c2d1ba64bd9ffbf3a060e350a09ad8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Decide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"step"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approve"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decide"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"step"},"value":{"kind":"Variable","name":{"kind":"Name","value":"step"}}},{"kind":"Argument","name":{"kind":"Name","value":"approve"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approve"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<DecideMutation, DecideMutationVariables>;
export const MattersDocument = {"__meta__":{"hash":"sha256:3a645fc8916ef48177a64ca247a817a29293a73b3887988ea5467b79dd52a633"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Matters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"applicants"}},{"kind":"Field","name":{"kind":"Name","value":"promisedDays"}},{"kind":"Field","name":{"kind":"Name","value":"prefillPurpose"}}]}}]}}]} as unknown as DocumentNode<MattersQuery, MattersQueryVariables>;
export const MyAccessLogDocument = {"__meta__":{"hash":"sha256:0faa30b28d6a535b9b021bbec914e6d762f4ccf3576aaada1acf934b30da3a15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccessLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dataAccessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accesses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"accessor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"self"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<MyAccessLogQuery, MyAccessLogQueryVariables>;
export const MyApplicationsDocument = {"__meta__":{"hash":"sha256:305139f3b9c1556c79793fff91cbe1eef9e9cf181856ee39a7470922a409f3e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyApplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"applications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"matter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"promisedBy"}}]}}]}}]}}]} as unknown as DocumentNode<MyApplicationsQuery, MyApplicationsQueryVariables>;
export const MyPrefillDocument = {"__meta__":{"hash":"sha256:344c4e70e1f28f46ee6a9567c09303f776992bc7c0001c53694f8ac5f3228a7e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPrefill"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"matter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"prefill"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"matter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"matter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<MyPrefillQuery, MyPrefillQueryVariables>;
export const PendingDecisionsDocument = {"__meta__":{"hash":"sha256:6bbdafd9c2c1de0b43cdc369fa2ebd95ae07506e1e3ae6244c36a15e0f7db63a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PendingDecisions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pendingDecisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"matter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"inputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"applicant"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"promisedBy"}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PendingDecisionsQuery, PendingDecisionsQueryVariables>;
export const ServiceFormDocument = {"__meta__":{"hash":"sha256:4735f1606bcc5671352dcd848952a772767023a5498d065bf840bace4b8bffcd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceForm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"matter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"matter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"applicants"}},{"kind":"Field","name":{"kind":"Name","value":"promisedDays"}},{"kind":"Field","name":{"kind":"Name","value":"prefillPurpose"}},{"kind":"Field","name":{"kind":"Name","value":"inputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"choices"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}}]}}]}}]}}]} as unknown as DocumentNode<ServiceFormQuery, ServiceFormQueryVariables>;