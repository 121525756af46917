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

export type AccessDecision =
  | 'ALLOWED'
  | 'DENIED'
  | 'MASKED';

/** Who accessed the data. Citizens see an officer's role and department, not the staff id; privacy officers see every accessor's id. */
export type Accessor = {
  __typename?: 'Accessor';
  /** The portal application the request came through. */
  application?: Maybe<Scalars['String']['output']>;
  /** For an officer: the department the roles belong to, e.g. tax. */
  department?: Maybe<Scalars['String']['output']>;
  /** Who it was, whatever the kind: a resident ID, a USCC or a staff id. For privacy officers only. */
  id?: Maybe<Scalars['String']['output']>;
  /** PERSON, COMPANY, OFFICER or ANONYMOUS. */
  kind?: Maybe<Scalars['String']['output']>;
  /** For an officer: the roles held, e.g. tax-officer. */
  roles?: Maybe<Array<Scalars['String']['output']>>;
  /** True when the subject looked at their own data. */
  self?: Maybe<Scalars['Boolean']['output']>;
  /** The officer's staff id: for privacy officers only. */
  staffId?: Maybe<Scalars['String']['output']>;
};

export type Company = {
  __typename?: 'Company';
  /** Who looked at this company's protected data, when and why, newest first. */
  dataAccessLog?: Maybe<DataAccessPage>;
  uscc: Scalars['ID']['output'];
};


export type CompanyDataAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One request's access to one subject's data, in one department. */
export type DataAccess = {
  __typename?: 'DataAccess';
  accessor?: Maybe<Accessor>;
  at?: Maybe<Scalars['DateTime']['output']>;
  /** The department whose system answered: market, tax, social or platform. */
  department?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<FieldAccess>>;
  /** The version of the privacy policy that decided (a SHA-256 hash); its text is kept in the log and comes with `npm run audit:export`. */
  policyVersion?: Maybe<Scalars['String']['output']>;
  /** Why, as the officer stated it (X-Purpose); null when none was stated. */
  purpose?: Maybe<Scalars['String']['output']>;
  /** The request, to match the record with the operators' logs. */
  requestId?: Maybe<Scalars['String']['output']>;
};

/** One page of the access log. */
export type DataAccessPage = {
  __typename?: 'DataAccessPage';
  accesses?: Maybe<Array<DataAccess>>;
  /** Pass as `after` to read the next (older) page; null on the last page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage?: Maybe<Scalars['Boolean']['output']>;
};

/** One field of the access, and what the policy decided. */
export type FieldAccess = {
  __typename?: 'FieldAccess';
  decision?: Maybe<AccessDecision>;
  /** Type.field, e.g. TaxProfile.arrears. */
  field?: Maybe<Scalars['String']['output']>;
};

export type Person = {
  __typename?: 'Person';
  /** Who looked at this person's data, when and why, newest first. */
  dataAccessLog?: Maybe<DataAccessPage>;
  id: Scalars['ID']['output'];
};


export type PersonDataAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** Every recorded access to one subject's data (a resident ID or a USCC), newest first: for privacy officers. */
  accessLog?: Maybe<DataAccessPage>;
};


export type QueryAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  subject: Scalars['ID']['input'];
  to?: InputMaybe<Scalars['DateTime']['input']>;
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
  kind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  self?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  staffId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
}>;

export type Resolvers<ContextType = PlatformContext> = ResolversObject<{
  Accessor?: AccessorResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  DataAccess?: DataAccessResolvers<ContextType>;
  DataAccessPage?: DataAccessPageResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FieldAccess?: FieldAccessResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

