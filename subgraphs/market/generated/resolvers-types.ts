import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CompanyRecord, ShareholdingRecord, EnterpriseRegistrationRecord } from '../legacy/index.js';
import type { PersonReference, IssuedCertificate } from '../../kit/index.js';
import type { MarketContext } from '../loaders.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** An extract of a company's business licence sealed by the market regulator: keep `document` and `seal` together; anyone can check them with `verifyCertificate`, or offline with the regulator's published seal keys (/.well-known/seals/market.json). */
export type BusinessLicenceExtract = {
  __typename?: 'BusinessLicenceExtract';
  /**
   * The certificate as canonical JSON (RFC 8785): issuer, subject, facts, issue time, validity, serial and where to verify it.
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  document?: Maybe<Scalars['String']['output']>;
  /**
   * The market regulator's seal over `document`: a detached JWS (EdDSA), `header..signature`, naming the seal key in `kid`.
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  seal?: Maybe<Scalars['String']['output']>;
  /**
   * The certificate's serial number, unique at the market regulator: what a revocation names.
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  serial?: Maybe<Scalars['ID']['output']>;
  /**
   * When the certificate stops being valid, ISO 8601 UTC, e.g. "2026-12-30T03:00:00Z".
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  validUntil?: Maybe<Scalars['String']['output']>;
};

/** A company registered with the market regulator. Its key, `uscc`, is the same in every department, so one query reaches its registry, tax and social insurance records. */
export type Company = {
  __typename?: 'Company';
  /**
   * Registered address (domicile), as printed on the business licence.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  address: Scalars['String']['output'];
  /**
   * Business scope as registered: what the company may do.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  businessScope: Scalars['String']['output'];
  /**
   * The day the company was registered.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  establishedOn: Scalars['Date']['output'];
  /**
   * Legal form as registered, e.g. 有限责任公司(自然人投资或控股).
   *
   * Who may see it: anyone, signed in or not (public).
   */
  legalForm: Scalars['String']['output'];
  /**
   * The legal representative as a person of the graph (their resident ID and, with the right to see them, their other records).
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  legalRepresentative?: Maybe<Person>;
  /**
   * The legal representative's name as printed on the public business licence.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  legalRepresentativeName: Scalars['String']['output'];
  /**
   * Registered name, as printed on the business licence.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  name: Scalars['String']['output'];
  /**
   * Registered capital in CNY, as subscribed by the shareholders.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  registeredCapital: Scalars['Decimal']['output'];
  /**
   * The shareholders with the share each holds, in registry order, a page at a time: `first` (1 to
   * 100) after the `endCursor` of the previous page.
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  shareholders?: Maybe<ShareholdingPage>;
  /**
   * Registration status in the enterprise registry.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  status: CompanyStatus;
  /** Unified social credit code: the company's key across all departments. */
  uscc: Scalars['ID']['output'];
};


/** A company registered with the market regulator. Its key, `uscc`, is the same in every department, so one query reaches its registry, tax and social insurance records. */
export type CompanyShareholdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

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

/** What the enterprise registry answered to a registration write. */
export type EnterpriseRegistration = {
  __typename?: 'EnterpriseRegistration';
  /**
   * The company as the registry now serves it (null once rejected or withdrawn).
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  company?: Maybe<Company>;
  /**
   * The day the application was accepted (PENDING) or the company established (ACTIVE); null otherwise.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  on?: Maybe<Scalars['Date']['output']>;
  /**
   * Its status after this write: PENDING after `registerEnterprise`, ACTIVE or REJECTED after `decideRegistration`, WITHDRAWN after `withdrawRegistration`.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  status?: Maybe<CompanyStatus>;
  /**
   * The registration's unified social credit code: the new company's key in every department.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  uscc?: Maybe<Scalars['ID']['output']>;
};

/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * A market officer's decision on a PENDING registration (核准 or 驳回): approved, the company is established (ACTIVE) from today; refused, the registry forgets it. The officer's staff id is recorded by the registry as the decider. Idempotent by `idempotencyKey`.
   *
   * Who may see it: a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  decideRegistration?: Maybe<EnterpriseRegistration>;
  /**
   * Issues an extract of the company's business licence: its registration facts as the registry holds them today, sealed by the market regulator. Refused with CERTIFICATE_REFUSED when the registry does not know the company. Every issuance is recorded in the company's access log.
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  issueBusinessLicenceExtract?: Maybe<BusinessLicenceExtract>;
  /**
   * Applies to register a new enterprise (设立登记) with the caller as its legal representative: the registry gives it a new unified social credit code and keeps it PENDING until a market officer decides (`decideRegistration`). Every field is checked first (BAD_USER_INPUT, nothing sent); the registry's own refusals (the name is taken, the representative unknown to the population registry) are DEPARTMENT_REFUSED with the reason. Sent again with the same `idempotencyKey`, it answers the first registration and registers nothing.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  registerEnterprise?: Maybe<EnterpriseRegistration>;
  /**
   * Withdraws a registration while it is still PENDING (撤回); the registry then forgets it and its name is free again. DEPARTMENT_REFUSED when it is no longer pending or unknown. Idempotent by `idempotencyKey`.
   *
   * Who may see it: the company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  withdrawRegistration?: Maybe<EnterpriseRegistration>;
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationDecideRegistrationArgs = {
  approve: Scalars['Boolean']['input'];
  idempotencyKey: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  uscc: Scalars['ID']['input'];
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationIssueBusinessLicenceExtractArgs = {
  renew?: InputMaybe<Scalars['Boolean']['input']>;
  uscc: Scalars['ID']['input'];
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationRegisterEnterpriseArgs = {
  address: Scalars['String']['input'];
  businessScope: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
  legalForm: Scalars['String']['input'];
  legalRepresentativeId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  registeredCapital: Scalars['Decimal']['input'];
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationWithdrawRegistrationArgs = {
  idempotencyKey: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  uscc: Scalars['ID']['input'];
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /**
   * Companies this person legally represents, in registry order: at most `first` (1 to 100).
   *
   * Who may see it: the resident it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  legalRepresentativeOf?: Maybe<Array<Company>>;
  /**
   * Stakes this person holds in companies, in registry order: at most `first` (1 to 100).
   *
   * Who may see it: the resident it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  shareholdings?: Maybe<Array<Shareholding>>;
};


export type PersonLegalRepresentativeOfArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type PersonShareholdingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type Query = {
  __typename?: 'Query';
  /**
   * A company by its unified social credit code (18 characters, GB 32100-2015). Null when the registry does not know it.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  company?: Maybe<Company>;
  /**
   * Companies whose registered name contains `name`, registry order, at most `first` (1 to 100).
   *
   * Who may see it: anyone, signed in or not (public).
   */
  searchCompanies: Array<Company>;
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryCompanyArgs = {
  uscc: Scalars['ID']['input'];
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QuerySearchCompaniesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
};

/** One shareholder's stake in one company. It is about both the holder and the company: either of them may see it. */
export type Shareholding = {
  __typename?: 'Shareholding';
  /**
   * The company the stake is in.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  company?: Maybe<Company>;
  /**
   * The shareholder as a person of the graph.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  holder?: Maybe<Person>;
  /**
   * The shareholder's name as registered.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  holderName?: Maybe<Scalars['String']['output']>;
  /**
   * Percent of the registered capital, e.g. 12.5.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  sharePercent?: Maybe<Scalars['Float']['output']>;
  /**
   * Capital the shareholder subscribed, in CNY.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision. Anyone else gets null with a FORBIDDEN error.
   */
  subscribedCapital?: Maybe<Scalars['Decimal']['output']>;
};

/** One page of a company's shareholders. */
export type ShareholdingPage = {
  __typename?: 'ShareholdingPage';
  /**
   * Pass as `after` to read the next page; null on the last page.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  endCursor?: Maybe<Scalars['String']['output']>;
  /**
   * True when another page follows this one.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  hasNextPage?: Maybe<Scalars['Boolean']['output']>;
  /**
   * The stakes in this page, in registry order.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  holdings?: Maybe<Array<Shareholding>>;
  /**
   * How many shareholders the company has in all pages.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Company: Company;
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Company:
    ( { __typename: 'Company' }
    & GraphQLRecursivePick<FederationTypes['Company'], {"uscc":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  BusinessLicenceExtract: ResolverTypeWrapper<IssuedCertificate>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Company: ResolverTypeWrapper<CompanyRecord>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CompanyStatus: CompanyStatus;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  EnterpriseRegistration: ResolverTypeWrapper<EnterpriseRegistrationRecord>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<PersonReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Shareholding: ResolverTypeWrapper<ShareholdingRecord>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ShareholdingPage: ResolverTypeWrapper<Omit<ShareholdingPage, 'holdings'> & { holdings?: Maybe<Array<ResolversTypes['Shareholding']>> }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BusinessLicenceExtract: IssuedCertificate;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Company: CompanyRecord;
  Int: Scalars['Int']['output'];
  Date: Scalars['Date']['output'];
  Decimal: Scalars['Decimal']['output'];
  EnterpriseRegistration: EnterpriseRegistrationRecord;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  Person: PersonReference;
  Query: Record<PropertyKey, never>;
  Shareholding: ShareholdingRecord;
  Float: Scalars['Float']['output'];
  ShareholdingPage: Omit<ShareholdingPage, 'holdings'> & { holdings?: Maybe<Array<ResolversParentTypes['Shareholding']>> };
}>;

export type BusinessLicenceExtractResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['BusinessLicenceExtract'] = ResolversParentTypes['BusinessLicenceExtract']> = ResolversObject<{
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serial?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CompanyResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company'], FederationReferenceType extends FederationReferenceTypes['Company'] = FederationReferenceTypes['Company']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Company']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  businessScope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  establishedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  legalForm?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  legalRepresentativeName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registeredCapital?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  shareholders?: Resolver<Maybe<ResolversTypes['ShareholdingPage']>, ParentType, ContextType, RequireFields<CompanyShareholdersArgs, 'first'>>;
  status?: Resolver<ResolversTypes['CompanyStatus'], ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type EnterpriseRegistrationResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['EnterpriseRegistration'] = ResolversParentTypes['EnterpriseRegistration']> = ResolversObject<{
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  on?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['CompanyStatus']>, ParentType, ContextType>;
  uscc?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  decideRegistration?: Resolver<Maybe<ResolversTypes['EnterpriseRegistration']>, ParentType, ContextType, RequireFields<MutationDecideRegistrationArgs, 'approve' | 'idempotencyKey' | 'uscc'>>;
  issueBusinessLicenceExtract?: Resolver<Maybe<ResolversTypes['BusinessLicenceExtract']>, ParentType, ContextType, RequireFields<MutationIssueBusinessLicenceExtractArgs, 'renew' | 'uscc'>>;
  registerEnterprise?: Resolver<Maybe<ResolversTypes['EnterpriseRegistration']>, ParentType, ContextType, RequireFields<MutationRegisterEnterpriseArgs, 'address' | 'businessScope' | 'idempotencyKey' | 'legalForm' | 'legalRepresentativeId' | 'name' | 'registeredCapital'>>;
  withdrawRegistration?: Resolver<Maybe<ResolversTypes['EnterpriseRegistration']>, ParentType, ContextType, RequireFields<MutationWithdrawRegistrationArgs, 'idempotencyKey' | 'uscc'>>;
}>;

export type PersonResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalRepresentativeOf?: Resolver<Maybe<Array<ResolversTypes['Company']>>, ParentType, ContextType, RequireFields<PersonLegalRepresentativeOfArgs, 'first'>>;
  shareholdings?: Resolver<Maybe<Array<ResolversTypes['Shareholding']>>, ParentType, ContextType, RequireFields<PersonShareholdingsArgs, 'first'>>;
}>;

export type QueryResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType, RequireFields<QueryCompanyArgs, 'uscc'>>;
  searchCompanies?: Resolver<Array<ResolversTypes['Company']>, ParentType, ContextType, RequireFields<QuerySearchCompaniesArgs, 'first' | 'name'>>;
}>;

export type ShareholdingResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['Shareholding'] = ResolversParentTypes['Shareholding']> = ResolversObject<{
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  holder?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  holderName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sharePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  subscribedCapital?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
}>;

export type ShareholdingPageResolvers<ContextType = MarketContext, ParentType extends ResolversParentTypes['ShareholdingPage'] = ResolversParentTypes['ShareholdingPage']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  holdings?: Resolver<Maybe<Array<ResolversTypes['Shareholding']>>, ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = MarketContext> = ResolversObject<{
  BusinessLicenceExtract?: BusinessLicenceExtractResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EnterpriseRegistration?: EnterpriseRegistrationResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Shareholding?: ShareholdingResolvers<ContextType>;
  ShareholdingPage?: ShareholdingPageResolvers<ContextType>;
}>;

