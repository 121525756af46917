import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRecord, SocialSecurityAccountRecord, EmployerAccountRecord, EmployerAccountOpeningRecord, BenefitClaimRecord } from '../legacy/index.js';
import type { ContributionOfPerson } from '../ContributionOfPerson.js';
import type { CompanyReference, IssuedCertificate } from '../../kit/index.js';
import type { SocialContext } from '../loaders.js';
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
  /** A calendar month as "YYYY-MM", e.g. "2026-10": the period a contribution is paid for. */
  Period: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A claim for a social insurance benefit, as the bureau holds it. */
export type BenefitClaim = {
  __typename?: 'BenefitClaim';
  /**
   * The claim number (申请编号), e.g. SB20261207000123: what the claimant quotes and `claim(number:)` reads.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  claimNumber?: Maybe<Scalars['ID']['output']>;
  /**
   * The day it was decided; null while pending.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  decidedOn?: Maybe<Scalars['Date']['output']>;
  /**
   * The officer's reason, in words, once decided (always given for a refusal); null otherwise.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  decisionReason?: Maybe<Scalars['String']['output']>;
  /**
   * What is claimed.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  kind?: Maybe<BenefitKind>;
  /**
   * Where the claim stands.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  status?: Maybe<BenefitClaimStatus>;
  /**
   * The day the claim was submitted.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  submittedOn?: Maybe<Scalars['Date']['output']>;
};

/** Where a benefit claim stands. */
export type BenefitClaimStatus =
  /** Granted (已核准). */
  | 'APPROVED'
  /** Waiting for a social officer's decision (待审核). */
  | 'PENDING'
  /** Not granted (不予核准); `decisionReason` says why. */
  | 'REFUSED';

/** What a resident may claim from social insurance. */
export type BenefitKind =
  /** A one-off withdrawal from the pension account (养老保险个人账户一次性支取). */
  | 'PENSION_ACCOUNT_WITHDRAWAL'
  /** Unemployment benefit (失业保险金). */
  | 'UNEMPLOYMENT_BENEFIT';

export type Company = {
  __typename?: 'Company';
  /**
   * The company's account as an employer; null when it has none.
   *
   * Who may see it: the company it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  socialInsurance?: Maybe<EmployerAccount>;
  uscc: Scalars['ID']['output'];
};

/** One month's contribution to a person's account. */
export type Contribution = {
  __typename?: 'Contribution';
  /**
   * The contribution base of that month, in CNY.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  base?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The employer's share, in CNY.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  employerAmount?: Maybe<Scalars['Decimal']['output']>;
  /**
   * The month paid for.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  period?: Maybe<Scalars['Period']['output']>;
  /**
   * The person's own share, in CNY.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  personalAmount?: Maybe<Scalars['Decimal']['output']>;
};

/** A contribution certificate sealed by the social security bureau: keep `document` and `seal` together; anyone can check them with `verifyCertificate`, or offline with the bureau's published seal keys (/.well-known/seals/social.json). */
export type ContributionCertificate = {
  __typename?: 'ContributionCertificate';
  /**
   * The certificate as canonical JSON (RFC 8785): issuer, subject, facts, issue time, validity, serial and where to verify it.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  document?: Maybe<Scalars['String']['output']>;
  /**
   * The social security bureau's seal over `document`: a detached JWS (EdDSA), `header..signature`, naming the seal key in `kid`.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  seal?: Maybe<Scalars['String']['output']>;
  /**
   * The certificate's serial number, unique at the social security bureau: what a revocation names.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  serial?: Maybe<Scalars['ID']['output']>;
  /**
   * When the certificate stops being valid, ISO 8601 UTC, e.g. "2026-12-30T03:00:00Z".
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  validUntil?: Maybe<Scalars['String']['output']>;
};

/** A company's social insurance account as an employer. */
export type EmployerAccount = {
  __typename?: 'EmployerAccount';
  /**
   * The employer's account number at the social security bureau.
   *
   * Who may see it: the company it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  accountNumber?: Maybe<Scalars['String']['output']>;
  /**
   * Contributions owed and overdue, in CNY; 0.00 when none.
   *
   * Who may see it: the company it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  arrears?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Employees currently insured through this company.
   *
   * Who may see it: the company it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  insuredHeadcount?: Maybe<Scalars['Int']['output']>;
  /**
   * The last month the employer paid for.
   *
   * Who may see it: the company it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  lastPaidPeriod?: Maybe<Scalars['Period']['output']>;
};

/** What the bureau answered to OpenEmployerAccount: the company's new employer account. */
export type EmployerAccountOpening = {
  __typename?: 'EmployerAccountOpening';
  /**
   * The new employer account number (单位编号).
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  accountNumber?: Maybe<Scalars['String']['output']>;
  /**
   * The first month the company pays social insurance for.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  firstContributionMonth?: Maybe<Scalars['Period']['output']>;
  /**
   * The day the account was opened.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  openedOn?: Maybe<Scalars['Date']['output']>;
  /**
   * The company's unified social credit code.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  uscc?: Maybe<Scalars['ID']['output']>;
};

/** Gender as recorded in the resident ID. */
export type Gender =
  /** Female (女). */
  | 'FEMALE'
  /** Male (男). */
  | 'MALE';

/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * A social officer's decision on a pending benefit claim (待遇审核): approved or refused, with the reason (required to refuse). The officer's staff id is recorded by the bureau as the decider. Idempotent by `idempotencyKey`.
   *
   * Who may see it: a social-officer stating the purpose benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  decideBenefitClaim?: Maybe<BenefitClaim>;
  /**
   * Issues a contribution certificate: the months of `year` for which contributions were paid into the person's account, with the totals, sealed by the social security bureau. Refused with CERTIFICATE_REFUSED when the bureau does not know the person. Every issuance is recorded in the person's access log.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  issueContributionCertificate?: Maybe<ContributionCertificate>;
  /**
   * Opens the company's employer account with the social security bureau (单位参保登记), e.g. for a company just registered by the market regulator. Refused (DEPARTMENT_REFUSED, with the reason) when the company has an account already or the first month is more than 12 months from this month. Sent again with the same `idempotencyKey`, it answers the first account and opens nothing.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  openEmployerAccount?: Maybe<EmployerAccountOpening>;
  /**
   * Claims a benefit for the resident (待遇申领): the bureau answers a claim number and the claim waits for a social officer's decision (`decideBenefitClaim`). Refused (DEPARTMENT_REFUSED, with the reason) when the person has no insurance account or a claim of the same kind is still pending. Idempotent by `idempotencyKey`.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  submitBenefitClaim?: Maybe<BenefitClaim>;
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationDecideBenefitClaimArgs = {
  approve: Scalars['Boolean']['input'];
  claimNumber: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationIssueContributionCertificateArgs = {
  id: Scalars['ID']['input'];
  renew?: InputMaybe<Scalars['Boolean']['input']>;
  year: Scalars['Int']['input'];
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationOpenEmployerAccountArgs = {
  firstContributionMonth: Scalars['Period']['input'];
  idempotencyKey: Scalars['String']['input'];
  uscc: Scalars['ID']['input'];
};


/** What the graph does for a caller: each department issues its own sealed certificates, recorded in the subject's access log. */
export type MutationSubmitBenefitClaimArgs = {
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  bankAccount: Scalars['String']['input'];
  contributionMonths?: InputMaybe<Scalars['Int']['input']>;
  idempotencyKey: Scalars['String']['input'];
  kind: BenefitKind;
  lastYearIncome?: InputMaybe<Scalars['Decimal']['input']>;
  residentId: Scalars['ID']['input'];
};

/** A resident, keyed by the 18-character resident ID (GB 11643-1999). Each department adds what it holds about the person; every field but the key is personal data. */
export type Person = {
  __typename?: 'Person';
  /**
   * Home address on file with the bureau.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim, masked (address). Anyone else gets null with a FORBIDDEN error.
   */
  address?: Maybe<Scalars['String']['output']>;
  /**
   * Date of birth as recorded in the resident ID.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  birthDate?: Maybe<Scalars['Date']['output']>;
  /**
   * Gender as recorded in the resident ID.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  gender?: Maybe<Gender>;
  /** The resident ID (GB 11643-1999): the person's key across all departments. */
  id: Scalars['ID']['output'];
  /**
   * Full name as registered.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  name?: Maybe<Scalars['String']['output']>;
  /**
   * Mobile phone number on file with the bureau.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim, masked (phone). Anyone else gets null with a FORBIDDEN error.
   */
  phone?: Maybe<Scalars['String']['output']>;
  /**
   * The social insurance account; null for a resident who has none.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  socialSecurity?: Maybe<SocialSecurityAccount>;
};

/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type Query = {
  __typename?: 'Query';
  /**
   * A benefit claim by its number (申请编号), as the bureau holds it now. Null when the bureau issued no such number.
   *
   * Who may see it: anyone signed in (a resident, a company or an officer). Anyone else gets null with a FORBIDDEN error.
   */
  claim?: Maybe<BenefitClaim>;
  /**
   * The calling citizen: the person whose token this is; null for a company, an officer or an anonymous caller.
   *
   * Who may see it: anyone signed in (a resident, a company or an officer). Anyone else gets null with a FORBIDDEN error.
   */
  me?: Maybe<Person>;
  /**
   * A resident by resident ID (18 characters, GB 11643-1999). Null when the bureau does not know them.
   *
   * Who may see it: the resident it is about; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  person?: Maybe<Person>;
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryClaimArgs = {
  number: Scalars['ID']['input'];
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};

/** A person's social insurance account (pension and medical insurance). */
export type SocialSecurityAccount = {
  __typename?: 'SocialSecurityAccount';
  /**
   * The account number at the social security bureau.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  accountNumber?: Maybe<Scalars['String']['output']>;
  /**
   * The monthly contribution base, in CNY.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  contributionBase?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Monthly contributions between two periods, inclusive, both "YYYY-MM".
   * Deprecated: use `monthlyContributions`, the same months with `from` and `to` typed as Period.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   * @deprecated Use monthlyContributions: the same months, with from and to typed as Period.
   */
  contributions?: Maybe<Array<Contribution>>;
  /**
   * The employer paying the contributions; null for the self-employed or a closed account.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  employer?: Maybe<Company>;
  /**
   * The balance of the personal medical insurance account, in CNY.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  medicalBalance?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Monthly contributions between two months, inclusive, at most 600 months at a time.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  monthlyContributions?: Maybe<Array<Contribution>>;
  /**
   * The balance of the personal pension account, in CNY.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  pensionBalance?: Maybe<Scalars['Decimal']['output']>;
  /**
   * Whether contributions are being paid into the account.
   *
   * Who may see it: the resident it is about; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  status?: Maybe<SocialSecurityStatus>;
};


/** A person's social insurance account (pension and medical insurance). */
export type SocialSecurityAccountContributionsArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


/** A person's social insurance account (pension and medical insurance). */
export type SocialSecurityAccountMonthlyContributionsArgs = {
  from: Scalars['Period']['input'];
  to: Scalars['Period']['input'];
};

/** Whether contributions are being paid into a social insurance account. */
export type SocialSecurityStatus =
  /** Contributions are being paid (正常参保). */
  | 'ACTIVE'
  /** Payments are interrupted, e.g. between jobs; the account is kept (暂停缴费). */
  | 'SUSPENDED'
  /** The account is closed, e.g. moved away or retired into a pension (终止参保). */
  | 'TERMINATED';

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
  BenefitClaim: ResolverTypeWrapper<BenefitClaimRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  BenefitClaimStatus: BenefitClaimStatus;
  BenefitKind: BenefitKind;
  Company: ResolverTypeWrapper<CompanyReference>;
  Contribution: ResolverTypeWrapper<ContributionOfPerson>;
  ContributionCertificate: ResolverTypeWrapper<IssuedCertificate>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  EmployerAccount: ResolverTypeWrapper<EmployerAccountRecord>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  EmployerAccountOpening: ResolverTypeWrapper<EmployerAccountOpeningRecord>;
  Gender: Gender;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Period: ResolverTypeWrapper<Scalars['Period']['output']>;
  Person: ResolverTypeWrapper<PersonRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SocialSecurityAccount: ResolverTypeWrapper<SocialSecurityAccountRecord>;
  SocialSecurityStatus: SocialSecurityStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BenefitClaim: BenefitClaimRecord;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Company: CompanyReference;
  Contribution: ContributionOfPerson;
  ContributionCertificate: IssuedCertificate;
  Date: Scalars['Date']['output'];
  Decimal: Scalars['Decimal']['output'];
  EmployerAccount: EmployerAccountRecord;
  Int: Scalars['Int']['output'];
  EmployerAccountOpening: EmployerAccountOpeningRecord;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  Period: Scalars['Period']['output'];
  Person: PersonRecord;
  Query: Record<PropertyKey, never>;
  SocialSecurityAccount: SocialSecurityAccountRecord;
}>;

export type BenefitClaimResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['BenefitClaim'] = ResolversParentTypes['BenefitClaim']> = ResolversObject<{
  claimNumber?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  decidedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  decisionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['BenefitKind']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['BenefitClaimStatus']>, ParentType, ContextType>;
  submittedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
}>;

export type CompanyResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company'], FederationReferenceType extends FederationReferenceTypes['Company'] = FederationReferenceTypes['Company']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Company']> | FederationReferenceType, FederationReferenceType, ContextType>;
  socialInsurance?: Resolver<Maybe<ResolversTypes['EmployerAccount']>, ParentType, ContextType>;
  uscc?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ContributionResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['Contribution'] = ResolversParentTypes['Contribution']> = ResolversObject<{
  base?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  employerAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['Period']>, ParentType, ContextType>;
  personalAmount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
}>;

export type ContributionCertificateResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['ContributionCertificate'] = ResolversParentTypes['ContributionCertificate']> = ResolversObject<{
  document?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  serial?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type EmployerAccountResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['EmployerAccount'] = ResolversParentTypes['EmployerAccount']> = ResolversObject<{
  accountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  arrears?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  insuredHeadcount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  lastPaidPeriod?: Resolver<Maybe<ResolversTypes['Period']>, ParentType, ContextType>;
}>;

export type EmployerAccountOpeningResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['EmployerAccountOpening'] = ResolversParentTypes['EmployerAccountOpening']> = ResolversObject<{
  accountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstContributionMonth?: Resolver<Maybe<ResolversTypes['Period']>, ParentType, ContextType>;
  openedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  uscc?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  decideBenefitClaim?: Resolver<Maybe<ResolversTypes['BenefitClaim']>, ParentType, ContextType, RequireFields<MutationDecideBenefitClaimArgs, 'approve' | 'claimNumber' | 'idempotencyKey'>>;
  issueContributionCertificate?: Resolver<Maybe<ResolversTypes['ContributionCertificate']>, ParentType, ContextType, RequireFields<MutationIssueContributionCertificateArgs, 'id' | 'renew' | 'year'>>;
  openEmployerAccount?: Resolver<Maybe<ResolversTypes['EmployerAccountOpening']>, ParentType, ContextType, RequireFields<MutationOpenEmployerAccountArgs, 'firstContributionMonth' | 'idempotencyKey' | 'uscc'>>;
  submitBenefitClaim?: Resolver<Maybe<ResolversTypes['BenefitClaim']>, ParentType, ContextType, RequireFields<MutationSubmitBenefitClaimArgs, 'bankAccount' | 'idempotencyKey' | 'kind' | 'residentId'>>;
}>;

export interface PeriodScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Period'], any> {
  name: 'Period';
}

export type PersonResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  socialSecurity?: Resolver<Maybe<ResolversTypes['SocialSecurityAccount']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  claim?: Resolver<Maybe<ResolversTypes['BenefitClaim']>, ParentType, ContextType, RequireFields<QueryClaimArgs, 'number'>>;
  me?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'id'>>;
}>;

export type SocialSecurityAccountResolvers<ContextType = SocialContext, ParentType extends ResolversParentTypes['SocialSecurityAccount'] = ResolversParentTypes['SocialSecurityAccount']> = ResolversObject<{
  accountNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contributionBase?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  contributions?: Resolver<Maybe<Array<ResolversTypes['Contribution']>>, ParentType, ContextType, RequireFields<SocialSecurityAccountContributionsArgs, 'from' | 'to'>>;
  employer?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType>;
  medicalBalance?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  monthlyContributions?: Resolver<Maybe<Array<ResolversTypes['Contribution']>>, ParentType, ContextType, RequireFields<SocialSecurityAccountMonthlyContributionsArgs, 'from' | 'to'>>;
  pensionBalance?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['SocialSecurityStatus']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SocialContext> = ResolversObject<{
  BenefitClaim?: BenefitClaimResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  Contribution?: ContributionResolvers<ContextType>;
  ContributionCertificate?: ContributionCertificateResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EmployerAccount?: EmployerAccountResolvers<ContextType>;
  EmployerAccountOpening?: EmployerAccountOpeningResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Period?: GraphQLScalarType;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SocialSecurityAccount?: SocialSecurityAccountResolvers<ContextType>;
}>;

