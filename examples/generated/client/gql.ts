/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CitizenDashboard($year: Int!) {\n  me {\n    id\n    name\n    gender\n    birthDate\n    phone\n    address\n    socialSecurity {\n      accountNumber\n      status\n      contributionBase\n      pensionBalance\n      medicalBalance\n      employer {\n        uscc\n        name\n        tax {\n          taxpayerType\n          creditRating\n        }\n      }\n    }\n    legalRepresentativeOf {\n      uscc\n      name\n      status\n      tax {\n        taxpayerType\n        creditRating\n      }\n    }\n    incomeTax(year: $year) {\n      year\n      income\n      taxPaid\n      taxDue\n      refundDue\n    }\n  }\n}": typeof types.CitizenDashboardDocument,
    "query CompanyProfile($uscc: ID!, $year: Int!) {\n  company(uscc: $uscc) {\n    uscc\n    name\n    legalForm\n    status\n    establishedOn\n    registeredCapital\n    address\n    businessScope\n    legalRepresentativeName\n    shareholders(first: 20) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n        holder {\n          id\n        }\n      }\n    }\n    tax {\n      taxpayerType\n      registeredOn\n      creditRating\n      arrears\n      filings(year: $year) {\n        period\n        taxKind\n        amount\n        filedOn\n      }\n    }\n    socialInsurance {\n      accountNumber\n      insuredHeadcount\n      arrears\n      lastPaidPeriod\n    }\n  }\n}": typeof types.CompanyProfileDocument,
    "query SearchCompanies($name: String!, $first: Int) {\n  searchCompanies(name: $name, first: $first) {\n    uscc\n    name\n    status\n    legalForm\n    legalRepresentativeName\n  }\n}": typeof types.SearchCompaniesDocument,
    "query ApplicationProgress($id: ID!) {\n  application(id: $id) {\n    id\n    matter {\n      name\n      title\n    }\n    applicant\n    status\n    reason\n    officerTasks\n    submittedAt\n    promisedBy\n    steps {\n      name\n      department\n      status\n      reason\n      at\n      outputs {\n        name\n        value\n      }\n    }\n  }\n}": typeof types.ApplicationProgressDocument,
    "mutation ApplyFor($matter: ID!, $applicant: ID!, $input: [ApplicationAnswer!]!, $idempotencyKey: String!) {\n  applyFor(\n    matter: $matter\n    applicant: $applicant\n    input: $input\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n  }\n}": typeof types.ApplyForDocument,
    "query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}": typeof types.CompanyShareholdersDocument,
    "mutation Decide($step: ID!, $approve: Boolean!, $reason: String) {\n  decide(step: $step, approve: $approve, reason: $reason) {\n    id\n    status\n    reason\n  }\n}": typeof types.DecideDocument,
    "query Matters {\n  matters {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n  }\n}": typeof types.MattersDocument,
    "query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}": typeof types.MyAccessLogDocument,
    "query MyApplications($first: Int) {\n  me {\n    id\n    applications(first: $first) {\n      id\n      matter {\n        name\n        title\n      }\n      status\n      reason\n      submittedAt\n      promisedBy\n    }\n  }\n}": typeof types.MyApplicationsDocument,
    "query MyPrefill($matter: ID!) {\n  me {\n    id\n    prefill(matter: $matter) {\n      label\n      value\n    }\n  }\n}": typeof types.MyPrefillDocument,
    "query PendingDecisions($department: String!, $first: Int) {\n  pendingDecisions(department: $department, first: $first) {\n    step\n    name\n    role\n    since\n    application {\n      id\n      matter {\n        name\n        title\n        inputs {\n          name\n          label\n        }\n      }\n      applicant\n      status\n      submittedAt\n      promisedBy\n      answers {\n        name\n        value\n      }\n    }\n  }\n}": typeof types.PendingDecisionsDocument,
    "query ServiceForm($matter: ID!) {\n  matter(name: $matter) {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n    inputs {\n      name\n      label\n      type\n      choices\n    }\n    steps {\n      name\n      department\n      decidedBy\n    }\n  }\n}": typeof types.ServiceFormDocument,
};
const documents: Documents = {
    "query CitizenDashboard($year: Int!) {\n  me {\n    id\n    name\n    gender\n    birthDate\n    phone\n    address\n    socialSecurity {\n      accountNumber\n      status\n      contributionBase\n      pensionBalance\n      medicalBalance\n      employer {\n        uscc\n        name\n        tax {\n          taxpayerType\n          creditRating\n        }\n      }\n    }\n    legalRepresentativeOf {\n      uscc\n      name\n      status\n      tax {\n        taxpayerType\n        creditRating\n      }\n    }\n    incomeTax(year: $year) {\n      year\n      income\n      taxPaid\n      taxDue\n      refundDue\n    }\n  }\n}": types.CitizenDashboardDocument,
    "query CompanyProfile($uscc: ID!, $year: Int!) {\n  company(uscc: $uscc) {\n    uscc\n    name\n    legalForm\n    status\n    establishedOn\n    registeredCapital\n    address\n    businessScope\n    legalRepresentativeName\n    shareholders(first: 20) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n        holder {\n          id\n        }\n      }\n    }\n    tax {\n      taxpayerType\n      registeredOn\n      creditRating\n      arrears\n      filings(year: $year) {\n        period\n        taxKind\n        amount\n        filedOn\n      }\n    }\n    socialInsurance {\n      accountNumber\n      insuredHeadcount\n      arrears\n      lastPaidPeriod\n    }\n  }\n}": types.CompanyProfileDocument,
    "query SearchCompanies($name: String!, $first: Int) {\n  searchCompanies(name: $name, first: $first) {\n    uscc\n    name\n    status\n    legalForm\n    legalRepresentativeName\n  }\n}": types.SearchCompaniesDocument,
    "query ApplicationProgress($id: ID!) {\n  application(id: $id) {\n    id\n    matter {\n      name\n      title\n    }\n    applicant\n    status\n    reason\n    officerTasks\n    submittedAt\n    promisedBy\n    steps {\n      name\n      department\n      status\n      reason\n      at\n      outputs {\n        name\n        value\n      }\n    }\n  }\n}": types.ApplicationProgressDocument,
    "mutation ApplyFor($matter: ID!, $applicant: ID!, $input: [ApplicationAnswer!]!, $idempotencyKey: String!) {\n  applyFor(\n    matter: $matter\n    applicant: $applicant\n    input: $input\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n  }\n}": types.ApplyForDocument,
    "query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}": types.CompanyShareholdersDocument,
    "mutation Decide($step: ID!, $approve: Boolean!, $reason: String) {\n  decide(step: $step, approve: $approve, reason: $reason) {\n    id\n    status\n    reason\n  }\n}": types.DecideDocument,
    "query Matters {\n  matters {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n  }\n}": types.MattersDocument,
    "query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}": types.MyAccessLogDocument,
    "query MyApplications($first: Int) {\n  me {\n    id\n    applications(first: $first) {\n      id\n      matter {\n        name\n        title\n      }\n      status\n      reason\n      submittedAt\n      promisedBy\n    }\n  }\n}": types.MyApplicationsDocument,
    "query MyPrefill($matter: ID!) {\n  me {\n    id\n    prefill(matter: $matter) {\n      label\n      value\n    }\n  }\n}": types.MyPrefillDocument,
    "query PendingDecisions($department: String!, $first: Int) {\n  pendingDecisions(department: $department, first: $first) {\n    step\n    name\n    role\n    since\n    application {\n      id\n      matter {\n        name\n        title\n        inputs {\n          name\n          label\n        }\n      }\n      applicant\n      status\n      submittedAt\n      promisedBy\n      answers {\n        name\n        value\n      }\n    }\n  }\n}": types.PendingDecisionsDocument,
    "query ServiceForm($matter: ID!) {\n  matter(name: $matter) {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n    inputs {\n      name\n      label\n      type\n      choices\n    }\n    steps {\n      name\n      department\n      decidedBy\n    }\n  }\n}": types.ServiceFormDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CitizenDashboard($year: Int!) {\n  me {\n    id\n    name\n    gender\n    birthDate\n    phone\n    address\n    socialSecurity {\n      accountNumber\n      status\n      contributionBase\n      pensionBalance\n      medicalBalance\n      employer {\n        uscc\n        name\n        tax {\n          taxpayerType\n          creditRating\n        }\n      }\n    }\n    legalRepresentativeOf {\n      uscc\n      name\n      status\n      tax {\n        taxpayerType\n        creditRating\n      }\n    }\n    incomeTax(year: $year) {\n      year\n      income\n      taxPaid\n      taxDue\n      refundDue\n    }\n  }\n}"): (typeof documents)["query CitizenDashboard($year: Int!) {\n  me {\n    id\n    name\n    gender\n    birthDate\n    phone\n    address\n    socialSecurity {\n      accountNumber\n      status\n      contributionBase\n      pensionBalance\n      medicalBalance\n      employer {\n        uscc\n        name\n        tax {\n          taxpayerType\n          creditRating\n        }\n      }\n    }\n    legalRepresentativeOf {\n      uscc\n      name\n      status\n      tax {\n        taxpayerType\n        creditRating\n      }\n    }\n    incomeTax(year: $year) {\n      year\n      income\n      taxPaid\n      taxDue\n      refundDue\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyProfile($uscc: ID!, $year: Int!) {\n  company(uscc: $uscc) {\n    uscc\n    name\n    legalForm\n    status\n    establishedOn\n    registeredCapital\n    address\n    businessScope\n    legalRepresentativeName\n    shareholders(first: 20) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n        holder {\n          id\n        }\n      }\n    }\n    tax {\n      taxpayerType\n      registeredOn\n      creditRating\n      arrears\n      filings(year: $year) {\n        period\n        taxKind\n        amount\n        filedOn\n      }\n    }\n    socialInsurance {\n      accountNumber\n      insuredHeadcount\n      arrears\n      lastPaidPeriod\n    }\n  }\n}"): (typeof documents)["query CompanyProfile($uscc: ID!, $year: Int!) {\n  company(uscc: $uscc) {\n    uscc\n    name\n    legalForm\n    status\n    establishedOn\n    registeredCapital\n    address\n    businessScope\n    legalRepresentativeName\n    shareholders(first: 20) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n        holder {\n          id\n        }\n      }\n    }\n    tax {\n      taxpayerType\n      registeredOn\n      creditRating\n      arrears\n      filings(year: $year) {\n        period\n        taxKind\n        amount\n        filedOn\n      }\n    }\n    socialInsurance {\n      accountNumber\n      insuredHeadcount\n      arrears\n      lastPaidPeriod\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchCompanies($name: String!, $first: Int) {\n  searchCompanies(name: $name, first: $first) {\n    uscc\n    name\n    status\n    legalForm\n    legalRepresentativeName\n  }\n}"): (typeof documents)["query SearchCompanies($name: String!, $first: Int) {\n  searchCompanies(name: $name, first: $first) {\n    uscc\n    name\n    status\n    legalForm\n    legalRepresentativeName\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApplicationProgress($id: ID!) {\n  application(id: $id) {\n    id\n    matter {\n      name\n      title\n    }\n    applicant\n    status\n    reason\n    officerTasks\n    submittedAt\n    promisedBy\n    steps {\n      name\n      department\n      status\n      reason\n      at\n      outputs {\n        name\n        value\n      }\n    }\n  }\n}"): (typeof documents)["query ApplicationProgress($id: ID!) {\n  application(id: $id) {\n    id\n    matter {\n      name\n      title\n    }\n    applicant\n    status\n    reason\n    officerTasks\n    submittedAt\n    promisedBy\n    steps {\n      name\n      department\n      status\n      reason\n      at\n      outputs {\n        name\n        value\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApplyFor($matter: ID!, $applicant: ID!, $input: [ApplicationAnswer!]!, $idempotencyKey: String!) {\n  applyFor(\n    matter: $matter\n    applicant: $applicant\n    input: $input\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n  }\n}"): (typeof documents)["mutation ApplyFor($matter: ID!, $applicant: ID!, $input: [ApplicationAnswer!]!, $idempotencyKey: String!) {\n  applyFor(\n    matter: $matter\n    applicant: $applicant\n    input: $input\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}"): (typeof documents)["query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Decide($step: ID!, $approve: Boolean!, $reason: String) {\n  decide(step: $step, approve: $approve, reason: $reason) {\n    id\n    status\n    reason\n  }\n}"): (typeof documents)["mutation Decide($step: ID!, $approve: Boolean!, $reason: String) {\n  decide(step: $step, approve: $approve, reason: $reason) {\n    id\n    status\n    reason\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Matters {\n  matters {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n  }\n}"): (typeof documents)["query Matters {\n  matters {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}"): (typeof documents)["query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyApplications($first: Int) {\n  me {\n    id\n    applications(first: $first) {\n      id\n      matter {\n        name\n        title\n      }\n      status\n      reason\n      submittedAt\n      promisedBy\n    }\n  }\n}"): (typeof documents)["query MyApplications($first: Int) {\n  me {\n    id\n    applications(first: $first) {\n      id\n      matter {\n        name\n        title\n      }\n      status\n      reason\n      submittedAt\n      promisedBy\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyPrefill($matter: ID!) {\n  me {\n    id\n    prefill(matter: $matter) {\n      label\n      value\n    }\n  }\n}"): (typeof documents)["query MyPrefill($matter: ID!) {\n  me {\n    id\n    prefill(matter: $matter) {\n      label\n      value\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PendingDecisions($department: String!, $first: Int) {\n  pendingDecisions(department: $department, first: $first) {\n    step\n    name\n    role\n    since\n    application {\n      id\n      matter {\n        name\n        title\n        inputs {\n          name\n          label\n        }\n      }\n      applicant\n      status\n      submittedAt\n      promisedBy\n      answers {\n        name\n        value\n      }\n    }\n  }\n}"): (typeof documents)["query PendingDecisions($department: String!, $first: Int) {\n  pendingDecisions(department: $department, first: $first) {\n    step\n    name\n    role\n    since\n    application {\n      id\n      matter {\n        name\n        title\n        inputs {\n          name\n          label\n        }\n      }\n      applicant\n      status\n      submittedAt\n      promisedBy\n      answers {\n        name\n        value\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceForm($matter: ID!) {\n  matter(name: $matter) {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n    inputs {\n      name\n      label\n      type\n      choices\n    }\n    steps {\n      name\n      department\n      decidedBy\n    }\n  }\n}"): (typeof documents)["query ServiceForm($matter: ID!) {\n  matter(name: $matter) {\n    name\n    title\n    description\n    applicants\n    promisedDays\n    prefillPurpose\n    inputs {\n      name\n      label\n      type\n      choices\n    }\n    steps {\n      name\n      department\n      decidedBy\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;