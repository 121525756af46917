import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CompanyReference, PersonReference, IssuedCertificate } from '../../kit/index.js';
import type { TaxProfileRecord, IncomeTaxReturnRecord, TaxpayerRegistrationRecord } from '../legacy/index.js';
import type { FilingOfTaxpayer } from '../FilingOfTaxpayer.js';
import type { TaxContext } from '../loaders.js';
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
  /** A calendar date as an ISO 8601 string, e.g. "2024-03-31". */
  Date: { input: string; output: string; }
  /** An exact amount of money in CNY, serialised as a string with two decimals, e.g. "12345.67". */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Company = {
  __typename?: 'Company';
  /**
   * The company as a taxpayer; null when the tax bureau does not know it (or cannot answer: see errors).
   *
   * Who may see it: anyone signed in (a resident, a company or an officer). Anyone else gets null with a FORBIDDEN error.
   */
  tax?: Maybe<TaxProfile>;
  uscc: Scalars['ID']['output'];
};

/** A resident's annual individual income tax reconciliation. */
export type IncomeTaxReturn = {
  __typename?: 'IncomeTaxReturn';
  /**
   * Taxable income of the year, in CNY.
   *
   * Who may see it: the resident it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  income?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Refund owed to the person, in CNY; 0.00 when the person owes instead.
   *
   * Who may see it: the resident it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  refundDue?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Tax due on the year's income, in CNY.
   *
   * Who may see it: the resident it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  taxDue?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Tax withheld or prepaid during the year, in CNY.
   *
   * Who may see it: the resident it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  taxPaid?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The calendar year of the income.
   *
   * Who may see it: the resident it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  year?: Maybe<Scalars['Int']['output']>;
};

/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancels a taxpayer registration that is still unused (nothing filed), e.g. when the company's start-up is undone. A taxpayer with a tax history is refused (DEPARTMENT_REFUSED): that takes the bureau's own procedure. Idempotent by `idempotencyKey`.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  cancelTaxpayerRegistration?: Maybe<TaxpayerRegistration>;
  /**
   * Issues a tax clearance certificate: the company owes no overdue tax as of today. Refused with CERTIFICATE_REFUSED while it has arrears, or when the bureau does not know the company. Every issuance is recorded in the company's access log; the certificate itself is kept only by whoever asked for it.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  issueTaxClearance?: Maybe<TaxClearanceCertificate>;
  /**
   * Registers the company with the tax bureau as a taxpayer (税务登记), e.g. a company just registered by the market regulator. The bureau refuses a company already registered, or when its risk check does not pass (DEPARTMENT_REFUSED with the reason). Sent again with the same `idempotencyKey`, it answers the first registration and changes nothing.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  registerTaxpayer?: Maybe<TaxpayerRegistration>;
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationCancelTaxpayerRegistrationArgs = {
  idempotencyKey: Scalars['String']['input'];
  uscc: Scalars['ID']['input'];
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationIssueTaxClearanceArgs = {
  renew?: InputMaybe<Scalars['Boolean']['input']>;
  uscc: Scalars['ID']['input'];
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationRegisterTaxpayerArgs = {
  idempotencyKey: Scalars['String']['input'];
  taxpayerType: TaxpayerType;
  uscc: Scalars['ID']['input'];
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /**
   * The annual individual income tax reconciliation for `year`; null when none was filed.
   *
   * Who may see it: the resident it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  incomeTax?: Maybe<IncomeTaxReturn>;
};


export type PersonIncomeTaxArgs = {
  year: Scalars['Int']['input'];
};

/** A tax clearance certificate sealed by the tax bureau: keep `document` and `seal` together; anyone can check them with `verifyCertificate`, or offline with the bureau's published seal keys (/.well-known/seals/tax.json). */
export type TaxClearanceCertificate = {
  __typename?: 'TaxClearanceCertificate';
  /**
   * The certificate as canonical JSON (RFC 8785): issuer, subject, facts, issue time, validity, serial and where to verify it.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  document?: Maybe<Scalars['String']['output']>;
  /**
   * The tax bureau's seal over `document`: a detached JWS (EdDSA), `header..signature`, naming the seal key in `kid`.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  seal?: Maybe<Scalars['String']['output']>;
  /**
   * The certificate's serial number, unique at the tax bureau: what a revocation names.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  serial?: Maybe<Scalars['ID']['output']>;
  /**
   * When the certificate stops being valid, ISO 8601 UTC, e.g. "2026-12-30T03:00:00Z".
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  validUntil?: Maybe<Scalars['String']['output']>;
};

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

/** One tax return a company filed. */
export type TaxFiling = {
  __typename?: 'TaxFiling';
  /**
   * Tax declared in the return, in CNY.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  amount?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The day the return was filed.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  filedOn?: Maybe<Scalars['Date']['output']>;
  /**
   * The period filed for: 2024-03 (a month), 2024-Q1 (a quarter) or 2024 (a year).
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  period?: Maybe<Scalars['String']['output']>;
  /**
   * The tax the return is for.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  taxKind?: Maybe<TaxKind>;
};

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

/** A company's taxpayer record at the tax bureau. */
export type TaxProfile = {
  __typename?: 'TaxProfile';
  /**
   * Tax owed and overdue, in CNY; 0.00 when none.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  arrears?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The tax credit rating the bureau gave the company for the latest year.
   *
   * Who may see it: anyone signed in (a resident, a company or an officer). Anyone else gets null with a FORBIDDEN error.
   */
  creditRating?: Maybe<TaxCreditRating>;
  /**
   * Returns filed for periods in `year`, in period order.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  filings?: Maybe<Array<TaxFiling>>;
  /**
   * The day the company registered with the tax bureau.
   *
   * Who may see it: the company it is about; a tax-officer stating the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.
   */
  registeredOn?: Maybe<Scalars['Date']['output']>;
  /**
   * The company's VAT taxpayer type.
   *
   * Who may see it: anyone signed in (a resident, a company or an officer). Anyone else gets null with a FORBIDDEN error.
   */
  taxpayerType?: Maybe<TaxpayerType>;
};


/** A company's taxpayer record at the tax bureau. */
export type TaxProfileFilingsArgs = {
  year: Scalars['Int']['input'];
};

/** What the tax bureau answered to a taxpayer registration write. */
export type TaxpayerRegistration = {
  __typename?: 'TaxpayerRegistration';
  /**
   * The day registered, or cancelled.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  on?: Maybe<Scalars['Date']['output']>;
  /**
   * The bureau's registration number (登记序号, 20 digits); null after a cancellation.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  registrationNumber?: Maybe<Scalars['String']['output']>;
  /**
   * Where the registration stands after this write.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  status?: Maybe<TaxpayerRegistrationStatus>;
  /**
   * The taxpayer record as the bureau now serves it (null after a cancellation).
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  taxProfile?: Maybe<TaxProfile>;
  /**
   * The taxpayer's number: the company's unified social credit code.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  uscc?: Maybe<Scalars['ID']['output']>;
};

/** Where a taxpayer registration stands after a write. */
export type TaxpayerRegistrationStatus =
  /** The registration was cancelled (已注销). */
  | 'CANCELLED'
  /** Registered as a taxpayer (已登记). */
  | 'REGISTERED';

/** A company's VAT taxpayer type (增值税纳税人类型). */
export type TaxpayerType =
  /** A general VAT taxpayer (一般纳税人): deducts input VAT. */
  | 'GENERAL'
  /** A small-scale VAT taxpayer (小规模纳税人): a flat rate, no deduction. */
  | 'SMALL_SCALE';

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
  Company: ResolverTypeWrapper<CompanyReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  IncomeTaxReturn: ResolverTypeWrapper<IncomeTaxReturnRecord>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Person: ResolverTypeWrapper<PersonReference>;
  TaxClearanceCertificate: ResolverTypeWrapper<IssuedCertificate>;
  TaxCreditRating: TaxCreditRating;
  TaxFiling: ResolverTypeWrapper<FilingOfTaxpayer>;
  TaxKind: TaxKind;
  TaxProfile: ResolverTypeWrapper<TaxProfileRecord>;
  TaxpayerRegistration: ResolverTypeWrapper<TaxpayerRegistrationRecord>;
  TaxpayerRegistrationStatus: TaxpayerRegistrationStatus;
  TaxpayerType: TaxpayerType;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Company: CompanyReference;
  ID: Scalars['ID']['output'];
  Date: Scalars['Date']['output'];
  Decimal: Scalars['Decimal']['output'];
  IncomeTaxReturn: IncomeTaxReturnRecord;
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Person: PersonReference;
  TaxClearanceCertificate: IssuedCertificate;
  TaxFiling: FilingOfTaxpayer;
  TaxProfile: TaxProfileRecord;
  TaxpayerRegistration: TaxpayerRegistrationRecord;
}>;

export type CompanyResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company'], FederationReferenceType extends FederationReferenceTypes['Company'] = FederationReferenceTypes['Company']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Company']> | FederationReferenceType, FederationReferenceType, ContextType>;
  tax?: Resolver<Maybe<ResolversTypes['TaxProfile']>, ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type IncomeTaxReturnResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['IncomeTaxReturn'] = ResolversParentTypes['IncomeTaxReturn']> = ResolversObject<{
  income?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  refundDue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  taxDue?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  taxPaid?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelTaxpayerRegistration?: Resolver<Maybe<ResolversTypes['TaxpayerRegistration']>, ParentType, ContextType, RequireFields<MutationCancelTaxpayerRegistrationArgs, 'idempotencyKey' | 'uscc'>>;
  issueTaxClearance?: Resolver<Maybe<ResolversTypes['TaxClearanceCertificate']>, ParentType, ContextType, RequireFields<MutationIssueTaxClearanceArgs, 'renew' | 'uscc'>>;
  registerTaxpayer?: Resolver<Maybe<ResolversTypes['TaxpayerRegistration']>, ParentType, ContextType, RequireFields<MutationRegisterTaxpayerArgs, 'idempotencyKey' | 'taxpayerType' | 'uscc'>>;
}>;

export type PersonResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incomeTax?: Resolver<Maybe<ResolversTypes['IncomeTaxReturn']>, ParentType, ContextType, RequireFields<PersonIncomeTaxArgs, 'year'>>;
}>;

export type TaxClearanceCertificateResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['TaxClearanceCertificate'] = ResolversParentTypes['TaxClearanceCertificate']> = ResolversObject<{
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serial?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type TaxFilingResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['TaxFiling'] = ResolversParentTypes['TaxFiling']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  filedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  taxKind?: Resolver<Maybe<ResolversTypes['TaxKind']>, ParentType, ContextType>;
}>;

export type TaxProfileResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['TaxProfile'] = ResolversParentTypes['TaxProfile']> = ResolversObject<{
  arrears?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  creditRating?: Resolver<Maybe<ResolversTypes['TaxCreditRating']>, ParentType, ContextType>;
  filings?: Resolver<Maybe<Array<ResolversTypes['TaxFiling']>>, ParentType, ContextType, RequireFields<TaxProfileFilingsArgs, 'year'>>;
  registeredOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  taxpayerType?: Resolver<Maybe<ResolversTypes['TaxpayerType']>, ParentType, ContextType>;
}>;

export type TaxpayerRegistrationResolvers<ContextType = TaxContext, ParentType extends ResolversParentTypes['TaxpayerRegistration'] = ResolversParentTypes['TaxpayerRegistration']> = ResolversObject<{
  on?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  registrationNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['TaxpayerRegistrationStatus']>, ParentType, ContextType>;
  taxProfile?: Resolver<Maybe<ResolversTypes['TaxProfile']>, ParentType, ContextType>;
  uscc?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = TaxContext> = ResolversObject<{
  Company?: CompanyResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  IncomeTaxReturn?: IncomeTaxReturnResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  TaxClearanceCertificate?: TaxClearanceCertificateResolvers<ContextType>;
  TaxFiling?: TaxFilingResolvers<ContextType>;
  TaxProfile?: TaxProfileResolvers<ContextType>;
  TaxpayerRegistration?: TaxpayerRegistrationResolvers<ContextType>;
}>;

