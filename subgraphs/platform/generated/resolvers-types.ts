import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonReference, CompanyReference } from '../../kit/index.js';
import type { LogPageView, AccessRecordView, AccessorView, FieldAccessView } from '../AccessView.js';
import type { PlatformContext } from '../loaders.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A moment in time as an ISO 8601 string in UTC, e.g. "2026-11-27T10:15:00.000Z". */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** What the privacy policy decided for one field of one access. */
export type AccessDecision =
  /** The value was given. */
  | 'ALLOWED'
  /** The value was refused (null with a FORBIDDEN error). */
  | 'DENIED'
  /** The value was given masked, e.g. a phone number as 138****5678. */
  | 'MASKED';

/** Who accessed the data. A citizen sees an officer's role and department, not who the officer is. */
export type Accessor = {
  __typename?: 'Accessor';
  /**
   * The portal application the request came through (the token's azp).
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  application?: Maybe<Scalars['String']['output']>;
  /**
   * For an officer: the department the roles belong to, e.g. tax.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  department?: Maybe<Scalars['String']['output']>;
  /**
   * Who it was, whatever the kind: a resident ID, a USCC or a staff id.
   *
   * Who may see it: a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  id?: Maybe<Scalars['String']['output']>;
  /**
   * What kind of caller it was.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  kind?: Maybe<AccessorKind>;
  /**
   * For an officer: the roles held, e.g. tax-officer.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  roles?: Maybe<Array<Scalars['String']['output']>>;
  /**
   * True when the subject looked at their own data.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  self?: Maybe<Scalars['Boolean']['output']>;
  /**
   * The officer's staff id.
   *
   * Who may see it: a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  staffId?: Maybe<Scalars['String']['output']>;
};

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

/** Why a certificate does not verify. */
export type CertificateProblem =
  /** Past its validity. */
  | 'EXPIRED'
  /** Not a certificate document, or not a seal. */
  | 'MALFORMED'
  /** Sealed with a key its issuer has retired (withdrawn), so none of its seals count any more. */
  | 'RETIRED_KEY'
  /** Revoked by its issuer. */
  | 'REVOKED'
  /** Changed after sealing: the seal does not match the document. */
  | 'TAMPERED'
  /** Sealed with a key its issuer never published. */
  | 'UNKNOWN_KEY'
  /** Sealed with another department's key than the issuer the document states. */
  | 'WRONG_ISSUER';

/** The answer of `verifyCertificate`. */
export type CertificateVerification = {
  __typename?: 'CertificateVerification';
  /**
   * The issuing department the document states (market, tax, social); null when the document cannot be read.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  issuer?: Maybe<Scalars['String']['output']>;
  /**
   * The answer in words, e.g. which key sealed it or when it expired.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  message: Scalars['String']['output'];
  /**
   * Why the certificate is not valid; null when it is.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  problem?: Maybe<CertificateProblem>;
  /**
   * The serial number the document states; null when the document cannot be read.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  serial?: Maybe<Scalars['String']['output']>;
  /**
   * The kind of certificate the document states, e.g. tax-clearance; null when the document cannot be read.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  type?: Maybe<Scalars['String']['output']>;
  /**
   * True when the seal is its issuer's, the document unchanged, and the certificate neither expired nor revoked.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  valid: Scalars['Boolean']['output'];
  /**
   * When the certificate stops being valid, ISO 8601 UTC; null when the document cannot be read.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  validUntil?: Maybe<Scalars['String']['output']>;
};

export type Company = {
  __typename?: 'Company';
  /**
   * Who looked at this company's protected data, when and why, newest first.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  dataAccessLog?: Maybe<DataAccessPage>;
  uscc: Scalars['ID']['output'];
};


export type CompanyDataAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One request's access to one subject's data, in one department. Values are never recorded: only which fields were given or refused. */
export type DataAccess = {
  __typename?: 'DataAccess';
  /**
   * Who asked.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  accessor?: Maybe<Accessor>;
  /**
   * When the department answered.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  at?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The department whose system answered: market, tax, social or platform.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  department?: Maybe<Scalars['String']['output']>;
  /**
   * The fields given or refused, each with the policy's decision.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  fields?: Maybe<Array<FieldAccess>>;
  /**
   * The version of the privacy policy that decided (a SHA-256 hash); its text is kept in the log and comes with `npm run audit:export`.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  policyVersion?: Maybe<Scalars['String']['output']>;
  /**
   * Why, as the officer stated it (X-Purpose); null when none was stated.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  purpose?: Maybe<Scalars['String']['output']>;
  /**
   * The request, to match the record with the operators' logs.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  requestId?: Maybe<Scalars['String']['output']>;
};

/** One page of the access log. */
export type DataAccessPage = {
  __typename?: 'DataAccessPage';
  /**
   * The accesses in this page, newest first.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  accesses?: Maybe<Array<DataAccess>>;
  /**
   * Pass as `after` to read the next (older) page; null on the last page.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  endCursor?: Maybe<Scalars['String']['output']>;
  /**
   * True when older accesses follow this page.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  hasNextPage?: Maybe<Scalars['Boolean']['output']>;
};

/** One field of the access, and what the policy decided. */
export type FieldAccess = {
  __typename?: 'FieldAccess';
  /**
   * What the privacy policy decided for this field.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  decision?: Maybe<AccessDecision>;
  /**
   * Type.field, e.g. TaxProfile.arrears.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  field?: Maybe<Scalars['String']['output']>;
};

export type Person = {
  __typename?: 'Person';
  /**
   * Who looked at this person's data, when and why, newest first.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  dataAccessLog?: Maybe<DataAccessPage>;
  id: Scalars['ID']['output'];
};


export type PersonDataAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type Query = {
  __typename?: 'Query';
  /**
   * Every recorded access to one subject's data (a resident ID or a USCC), newest first.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  accessLog?: Maybe<DataAccessPage>;
  /**
   * Checks a certificate a department issued (`issueTaxClearance`, `issueBusinessLicenceExtract`, `issueContributionCertificate`): that its seal is its issuer's, the document unchanged, and that it is neither expired nor revoked. Anyone may ask; the answer repeats only what the document itself states.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  verifyCertificate: CertificateVerification;
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  subject: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryVerifyCertificateArgs = {
  document: Scalars['String']['input'];
  seal: Scalars['String']['input'];
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
  AccessDecision: AccessDecision;
  Accessor: ResolverTypeWrapper<AccessorView>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AccessorKind: AccessorKind;
  CertificateProblem: CertificateProblem;
  CertificateVerification: ResolverTypeWrapper<CertificateVerification>;
  Company: ResolverTypeWrapper<CompanyReference>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DataAccess: ResolverTypeWrapper<AccessRecordView>;
  DataAccessPage: ResolverTypeWrapper<LogPageView>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FieldAccess: ResolverTypeWrapper<FieldAccessView>;
  Person: ResolverTypeWrapper<PersonReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Accessor: AccessorView;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  CertificateVerification: CertificateVerification;
  Company: CompanyReference;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  DataAccess: AccessRecordView;
  DataAccessPage: LogPageView;
  DateTime: Scalars['DateTime']['output'];
  FieldAccess: FieldAccessView;
  Person: PersonReference;
  Query: Record<PropertyKey, never>;
}>;

export type AccessorResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Accessor'] = ResolversParentTypes['Accessor']> = ResolversObject<{
  application?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['AccessorKind']>, ParentType, ContextType>;
  roles?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  self?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  staffId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CertificateVerificationResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['CertificateVerification'] = ResolversParentTypes['CertificateVerification']> = ResolversObject<{
  issuer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  problem?: Resolver<Maybe<ResolversTypes['CertificateProblem']>, ParentType, ContextType>;
  serial?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CompanyResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company'], FederationReferenceType extends FederationReferenceTypes['Company'] = FederationReferenceTypes['Company']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Company']> | FederationReferenceType, FederationReferenceType, ContextType>;
  dataAccessLog?: Resolver<Maybe<ResolversTypes['DataAccessPage']>, ParentType, ContextType, RequireFields<CompanyDataAccessLogArgs, 'first'>>;
  uscc?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type DataAccessResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['DataAccess'] = ResolversParentTypes['DataAccess']> = ResolversObject<{
  accessor?: Resolver<Maybe<ResolversTypes['Accessor']>, ParentType, ContextType>;
  at?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Maybe<Array<ResolversTypes['FieldAccess']>>, ParentType, ContextType>;
  policyVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DataAccessPageResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['DataAccessPage'] = ResolversParentTypes['DataAccessPage']> = ResolversObject<{
  accesses?: Resolver<Maybe<Array<ResolversTypes['DataAccess']>>, ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FieldAccessResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['FieldAccess'] = ResolversParentTypes['FieldAccess']> = ResolversObject<{
  decision?: Resolver<Maybe<ResolversTypes['AccessDecision']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  dataAccessLog?: Resolver<Maybe<ResolversTypes['DataAccessPage']>, ParentType, ContextType, RequireFields<PersonDataAccessLogArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  accessLog?: Resolver<Maybe<ResolversTypes['DataAccessPage']>, ParentType, ContextType, RequireFields<QueryAccessLogArgs, 'first' | 'subject'>>;
  verifyCertificate?: Resolver<ResolversTypes['CertificateVerification'], ParentType, ContextType, RequireFields<QueryVerifyCertificateArgs, 'document' | 'seal'>>;
}>;

export type Resolvers<ContextType = PlatformContext> = ResolversObject<{
  Accessor?: AccessorResolvers<ContextType>;
  CertificateVerification?: CertificateVerificationResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  DataAccess?: DataAccessResolvers<ContextType>;
  DataAccessPage?: DataAccessPageResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FieldAccess?: FieldAccessResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

