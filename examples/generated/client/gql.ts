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
    "query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}": typeof types.CompanyShareholdersDocument,
    "query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}": typeof types.MyAccessLogDocument,
};
const documents: Documents = {
    "query CitizenDashboard($year: Int!) {\n  me {\n    id\n    name\n    gender\n    birthDate\n    phone\n    address\n    socialSecurity {\n      accountNumber\n      status\n      contributionBase\n      pensionBalance\n      medicalBalance\n      employer {\n        uscc\n        name\n        tax {\n          taxpayerType\n          creditRating\n        }\n      }\n    }\n    legalRepresentativeOf {\n      uscc\n      name\n      status\n      tax {\n        taxpayerType\n        creditRating\n      }\n    }\n    incomeTax(year: $year) {\n      year\n      income\n      taxPaid\n      taxDue\n      refundDue\n    }\n  }\n}": types.CitizenDashboardDocument,
    "query CompanyProfile($uscc: ID!, $year: Int!) {\n  company(uscc: $uscc) {\n    uscc\n    name\n    legalForm\n    status\n    establishedOn\n    registeredCapital\n    address\n    businessScope\n    legalRepresentativeName\n    shareholders(first: 20) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n        holder {\n          id\n        }\n      }\n    }\n    tax {\n      taxpayerType\n      registeredOn\n      creditRating\n      arrears\n      filings(year: $year) {\n        period\n        taxKind\n        amount\n        filedOn\n      }\n    }\n    socialInsurance {\n      accountNumber\n      insuredHeadcount\n      arrears\n      lastPaidPeriod\n    }\n  }\n}": types.CompanyProfileDocument,
    "query SearchCompanies($name: String!, $first: Int) {\n  searchCompanies(name: $name, first: $first) {\n    uscc\n    name\n    status\n    legalForm\n    legalRepresentativeName\n  }\n}": types.SearchCompaniesDocument,
    "query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}": types.CompanyShareholdersDocument,
    "query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}": types.MyAccessLogDocument,
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
export function graphql(source: "query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}"): (typeof documents)["query CompanyShareholders($uscc: ID!, $first: Int, $after: String) {\n  company(uscc: $uscc) {\n    uscc\n    shareholders(first: $first, after: $after) {\n      totalCount\n      hasNextPage\n      endCursor\n      holdings {\n        holderName\n        sharePercent\n        subscribedCapital\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}"): (typeof documents)["query MyAccessLog($first: Int, $after: String) {\n  me {\n    id\n    dataAccessLog(first: $first, after: $after) {\n      accesses {\n        at\n        department\n        purpose\n        accessor {\n          kind\n          roles\n          department\n          self\n        }\n        fields {\n          field\n          decision\n        }\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;