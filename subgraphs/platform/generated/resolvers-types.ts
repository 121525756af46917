import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonReference, CompanyReference } from '../../kit/index.js';
import type { LogPageView, AccessRecordView, AccessorView, FieldAccessView } from '../AccessView.js';
import type { MatterRecord, ApplicationRecord, ApplicationStepRecord, NamedValueRecord, PendingDecisionRecord, PrefilledValueRecord } from '../ApplicationViews.js';
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

/** Who may apply for a matter. */
export type ApplicantKind =
  /** A company, by USCC. */
  | 'COMPANY'
  /** A resident, by resident ID. */
  | 'RESIDENT';

/** An application for a matter, as it is being carried out. */
export type Application = {
  __typename?: 'Application';
  /**
   * What the applicant typed, by input name; empty once the city's retention period after the application ended has passed.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  answers?: Maybe<Array<ApplicationAnswerValue>>;
  /**
   * Who applied: a resident ID or a USCC.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  applicant?: Maybe<Scalars['ID']['output']>;
  /**
   * Its id: `application(id:)`.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  id?: Maybe<Scalars['ID']['output']>;
  /**
   * The matter applied for.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  matter?: Maybe<Matter>;
  /**
   * What an officer must still do by hand because nothing here could undo it, in words.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  officerTasks?: Maybe<Array<Scalars['String']['output']>>;
  /**
   * When the city promised an answer by.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  promisedBy?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Why it is waiting, refused or failed, in words; null otherwise.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  reason?: Maybe<Scalars['String']['output']>;
  /**
   * Where it stands.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  status?: Maybe<ApplicationStatus>;
  /**
   * Each step, in the matter's order, with where it stands.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  steps?: Maybe<Array<ApplicationStep>>;
  /**
   * When it was submitted.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** One value the applicant typed for an input of the matter. */
export type ApplicationAnswer = {
  /** The input's name, as `Matter.inputs` lists it, e.g. companyName. */
  name: Scalars['String']['input'];
  /** The value as typed, at most 500 characters. */
  value: Scalars['String']['input'];
};

/** One value the applicant typed. */
export type ApplicationAnswerValue = {
  __typename?: 'ApplicationAnswerValue';
  /**
   * The input's name.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  name?: Maybe<Scalars['String']['output']>;
  /**
   * The value typed.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  value?: Maybe<Scalars['String']['output']>;
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

/** One step of an application. */
export type ApplicationStep = {
  __typename?: 'ApplicationStep';
  /**
   * When it last changed.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  at?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The department acting.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  department?: Maybe<Scalars['String']['output']>;
  /**
   * The step's name in its matter, e.g. registerTaxpayer.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  name?: Maybe<Scalars['String']['output']>;
  /**
   * What the department answered that later steps or the applicant use, e.g. the new company's uscc.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  outputs?: Maybe<Array<ApplicationAnswerValue>>;
  /**
   * Why it waits, was refused or was undone, in words; null otherwise.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  reason?: Maybe<Scalars['String']['output']>;
  /**
   * Where the step stands.
   *
   * Who may see it: the resident or company it is about; a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  status?: Maybe<StepStatus>;
};

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
   * The company's own applications (`applyFor`), newest first.
   *
   * Who may see it: the company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  applications?: Maybe<Array<Application>>;
  /**
   * Who looked at this company's protected data, when and why, newest first.
   *
   * Who may see it: the resident or company it is about; a privacy-officer stating the purpose privacy-review. Anyone else gets null with a FORBIDDEN error.
   */
  dataAccessLog?: Maybe<DataAccessPage>;
  uscc: Scalars['ID']['output'];
};


export type CompanyApplicationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** A kind of public service one can apply for (a file under matters/). */
export type Matter = {
  __typename?: 'Matter';
  /**
   * Who may apply: RESIDENT, COMPANY or both.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  applicants?: Maybe<Array<ApplicantKind>>;
  /**
   * What it does and what happens, in words for citizens.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  description: Scalars['String']['output'];
  /**
   * What the applicant types (what no department knows), in the order of the form.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  inputs?: Maybe<Array<MatterInput>>;
  /**
   * Its name, e.g. start-a-business.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  name: Scalars['ID']['output'];
  /**
   * The purpose under which pre-filled values are read and recorded in the applicant's access log; null when the matter pre-fills nothing.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  prefillPurpose?: Maybe<Scalars['String']['output']>;
  /**
   * How many days the city promises an answer in.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  promisedDays: Scalars['Int']['output'];
  /**
   * The steps, each a department acting, in the order they run.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  steps?: Maybe<Array<MatterStep>>;
  /**
   * Its title for citizens, e.g. Start a business.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  title: Scalars['String']['output'];
};

/** One input of a matter's form. */
export type MatterInput = {
  __typename?: 'MatterInput';
  /**
   * For a CHOICE, the values one may give; null otherwise.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  choices?: Maybe<Array<Scalars['String']['output']>>;
  /**
   * Its label on the form.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  label: Scalars['String']['output'];
  /**
   * Its name, e.g. companyName: `ApplicationAnswer.name`.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  name: Scalars['String']['output'];
  /**
   * What kind of value: TEXT, DECIMAL (e.g. 100000.00), PERIOD (YYYY-MM), DATE (YYYY-MM-DD) or CHOICE.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  type: MatterInputType;
};

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

/** One step of a matter: a department acting. */
export type MatterStep = {
  __typename?: 'MatterStep';
  /**
   * The officer role that decides the step first; null when no officer decides it.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  decidedBy?: Maybe<Scalars['String']['output']>;
  /**
   * The department that acts, e.g. market.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  department: Scalars['String']['output'];
  /**
   * The step's name, e.g. register.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  name: Scalars['String']['output'];
};

/** Applying: once, through the graph; the departments concerned carry the application out in their own systems, durably (docs/applications.md). */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Applies for a public service: the application is written and carried out by every department the matter names, in their order, surviving restarts. What a department already knows is pre-filled from the graph (recorded in the applicant's access log under the matter's purpose); `input` is only what no department knows. Bad input (an unknown matter, an input missing, unknown or malformed) is BAD_USER_INPUT with nothing written. Sent again with the same `idempotencyKey`, it answers the first application and applies for nothing. Counts against the applicant's daily budget of creating mutations.
   *
   * Who may see it: the resident or company it is about. Anyone else gets null with a FORBIDDEN error.
   */
  applyFor?: Maybe<Application>;
  /**
   * An officer's decision on a step that waits for one (`pendingDecisions`): the step goes on (approved) or the application stops with the reason, in words the applicant reads. Only an officer holding the role the matter names, stating the matter's purpose for the step; the first decision sent is the one taken.
   *
   * Who may see it: a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  decide?: Maybe<Application>;
};


/** Applying: once, through the graph; the departments concerned carry the application out in their own systems, durably (docs/applications.md). */
export type MutationApplyForArgs = {
  applicant: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  input: Array<ApplicationAnswer>;
  matter: Scalars['ID']['input'];
};


/** Applying: once, through the graph; the departments concerned carry the application out in their own systems, durably (docs/applications.md). */
export type MutationDecideArgs = {
  approve: Scalars['Boolean']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  step: Scalars['ID']['input'];
};

/** A step waiting for an officer's decision. */
export type PendingDecision = {
  __typename?: 'PendingDecision';
  /**
   * The application it belongs to.
   *
   * Who may see it: a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  application?: Maybe<Application>;
  /**
   * The step's name in its matter, e.g. approve.
   *
   * Who may see it: a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  name?: Maybe<Scalars['String']['output']>;
  /**
   * The role that decides it.
   *
   * Who may see it: a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  role?: Maybe<Scalars['String']['output']>;
  /**
   * Since when it has waited.
   *
   * Who may see it: a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  since?: Maybe<Scalars['DateTime']['output']>;
  /**
   * The step to decide: pass it to `decide(step:)`.
   *
   * Who may see it: a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  step?: Maybe<Scalars['ID']['output']>;
};

export type Person = {
  __typename?: 'Person';
  /**
   * The resident's own applications (`applyFor`), newest first.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  applications?: Maybe<Array<Application>>;
  /**
   * Who looked at this person's data, when and why, newest first.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  dataAccessLog?: Maybe<DataAccessPage>;
  id: Scalars['ID']['output'];
  /**
   * What the departments already know for a matter's form, read now from the graph under the matter's purpose (and recorded in this resident's access log): shown on the form, never typed again.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  prefill?: Maybe<Array<PrefilledValue>>;
};


export type PersonApplicationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type PersonDataAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type PersonPrefillArgs = {
  matter: Scalars['ID']['input'];
};

/** One value pre-filled from the graph for a matter's form: what a department already knows, not typed again. */
export type PrefilledValue = {
  __typename?: 'PrefilledValue';
  /**
   * What it is, in words for the form, e.g. Months you paid contributions.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  label?: Maybe<Scalars['String']['output']>;
  /**
   * The value as the department knows it; null when it knows none.
   *
   * Who may see it: the resident it is about. Anyone else gets null with a FORBIDDEN error.
   */
  value?: Maybe<Scalars['String']['output']>;
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
   * One application by its id: the applicant's own, or one an officer is deciding.
   *
   * Who may see it: anyone signed in (a resident, a company or an officer). Anyone else gets null with a FORBIDDEN error.
   */
  application?: Maybe<Application>;
  /**
   * One public service by its name, e.g. start-a-business; null when there is none of that name.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  matter?: Maybe<Matter>;
  /**
   * The public services one can apply for through the graph (the matters under matters/), with what each asks and which departments act.
   *
   * Who may see it: anyone, signed in or not (public).
   */
  matters?: Maybe<Array<Matter>>;
  /**
   * The steps of applications that wait for a decision by an officer of this department, oldest first: only those the caller's roles may decide.
   *
   * Who may see it: a market-officer stating the purpose market-supervision; a tax-officer stating the purpose tax-audit or taxpayer-service; a social-officer stating the purpose social-insurance-audit or benefit-claim. Anyone else gets null with a FORBIDDEN error.
   */
  pendingDecisions?: Maybe<Array<PendingDecision>>;
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
export type QueryApplicationArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryMatterArgs = {
  name: Scalars['ID']['input'];
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryPendingDecisionsArgs = {
  department: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points of the graph: look a company or a resident up by key, search the registry, or read the access log. */
export type QueryVerifyCertificateArgs = {
  document: Scalars['String']['input'];
  seal: Scalars['String']['input'];
};

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
  ApplicantKind: ApplicantKind;
  Application: ResolverTypeWrapper<ApplicationRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApplicationAnswer: ApplicationAnswer;
  ApplicationAnswerValue: ResolverTypeWrapper<NamedValueRecord>;
  ApplicationStatus: ApplicationStatus;
  ApplicationStep: ResolverTypeWrapper<ApplicationStepRecord>;
  CertificateProblem: CertificateProblem;
  CertificateVerification: ResolverTypeWrapper<CertificateVerification>;
  Company: ResolverTypeWrapper<CompanyReference>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DataAccess: ResolverTypeWrapper<AccessRecordView>;
  DataAccessPage: ResolverTypeWrapper<LogPageView>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FieldAccess: ResolverTypeWrapper<FieldAccessView>;
  Matter: ResolverTypeWrapper<MatterRecord>;
  MatterInput: ResolverTypeWrapper<MatterInput>;
  MatterInputType: MatterInputType;
  MatterStep: ResolverTypeWrapper<MatterStep>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PendingDecision: ResolverTypeWrapper<PendingDecisionRecord>;
  Person: ResolverTypeWrapper<PersonReference>;
  PrefilledValue: ResolverTypeWrapper<PrefilledValueRecord>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StepStatus: StepStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Accessor: AccessorView;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
  Application: ApplicationRecord;
  ID: Scalars['ID']['output'];
  ApplicationAnswer: ApplicationAnswer;
  ApplicationAnswerValue: NamedValueRecord;
  ApplicationStep: ApplicationStepRecord;
  CertificateVerification: CertificateVerification;
  Company: CompanyReference;
  Int: Scalars['Int']['output'];
  DataAccess: AccessRecordView;
  DataAccessPage: LogPageView;
  DateTime: Scalars['DateTime']['output'];
  FieldAccess: FieldAccessView;
  Matter: MatterRecord;
  MatterInput: MatterInput;
  MatterStep: MatterStep;
  Mutation: Record<PropertyKey, never>;
  PendingDecision: PendingDecisionRecord;
  Person: PersonReference;
  PrefilledValue: PrefilledValueRecord;
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

export type ApplicationResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Application'] = ResolversParentTypes['Application']> = ResolversObject<{
  answers?: Resolver<Maybe<Array<ResolversTypes['ApplicationAnswerValue']>>, ParentType, ContextType>;
  applicant?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  matter?: Resolver<Maybe<ResolversTypes['Matter']>, ParentType, ContextType>;
  officerTasks?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  promisedBy?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['ApplicationStatus']>, ParentType, ContextType>;
  steps?: Resolver<Maybe<Array<ResolversTypes['ApplicationStep']>>, ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type ApplicationAnswerValueResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['ApplicationAnswerValue'] = ResolversParentTypes['ApplicationAnswerValue']> = ResolversObject<{
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ApplicationStepResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['ApplicationStep'] = ResolversParentTypes['ApplicationStep']> = ResolversObject<{
  at?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outputs?: Resolver<Maybe<Array<ResolversTypes['ApplicationAnswerValue']>>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['StepStatus']>, ParentType, ContextType>;
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
  applications?: Resolver<Maybe<Array<ResolversTypes['Application']>>, ParentType, ContextType, RequireFields<CompanyApplicationsArgs, 'first'>>;
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

export type MatterResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Matter'] = ResolversParentTypes['Matter']> = ResolversObject<{
  applicants?: Resolver<Maybe<Array<ResolversTypes['ApplicantKind']>>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inputs?: Resolver<Maybe<Array<ResolversTypes['MatterInput']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  prefillPurpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  promisedDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  steps?: Resolver<Maybe<Array<ResolversTypes['MatterStep']>>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MatterInputResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['MatterInput'] = ResolversParentTypes['MatterInput']> = ResolversObject<{
  choices?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MatterInputType'], ParentType, ContextType>;
}>;

export type MatterStepResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['MatterStep'] = ResolversParentTypes['MatterStep']> = ResolversObject<{
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  department?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  applyFor?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<MutationApplyForArgs, 'applicant' | 'idempotencyKey' | 'input' | 'matter'>>;
  decide?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<MutationDecideArgs, 'approve' | 'step'>>;
}>;

export type PendingDecisionResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['PendingDecision'] = ResolversParentTypes['PendingDecision']> = ResolversObject<{
  application?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  since?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  step?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  applications?: Resolver<Maybe<Array<ResolversTypes['Application']>>, ParentType, ContextType, RequireFields<PersonApplicationsArgs, 'first'>>;
  dataAccessLog?: Resolver<Maybe<ResolversTypes['DataAccessPage']>, ParentType, ContextType, RequireFields<PersonDataAccessLogArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  prefill?: Resolver<Maybe<Array<ResolversTypes['PrefilledValue']>>, ParentType, ContextType, RequireFields<PersonPrefillArgs, 'matter'>>;
}>;

export type PrefilledValueResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['PrefilledValue'] = ResolversParentTypes['PrefilledValue']> = ResolversObject<{
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PlatformContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  accessLog?: Resolver<Maybe<ResolversTypes['DataAccessPage']>, ParentType, ContextType, RequireFields<QueryAccessLogArgs, 'first' | 'subject'>>;
  application?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<QueryApplicationArgs, 'id'>>;
  matter?: Resolver<Maybe<ResolversTypes['Matter']>, ParentType, ContextType, RequireFields<QueryMatterArgs, 'name'>>;
  matters?: Resolver<Maybe<Array<ResolversTypes['Matter']>>, ParentType, ContextType>;
  pendingDecisions?: Resolver<Maybe<Array<ResolversTypes['PendingDecision']>>, ParentType, ContextType, RequireFields<QueryPendingDecisionsArgs, 'department' | 'first'>>;
  verifyCertificate?: Resolver<ResolversTypes['CertificateVerification'], ParentType, ContextType, RequireFields<QueryVerifyCertificateArgs, 'document' | 'seal'>>;
}>;

export type Resolvers<ContextType = PlatformContext> = ResolversObject<{
  Accessor?: AccessorResolvers<ContextType>;
  Application?: ApplicationResolvers<ContextType>;
  ApplicationAnswerValue?: ApplicationAnswerValueResolvers<ContextType>;
  ApplicationStep?: ApplicationStepResolvers<ContextType>;
  CertificateVerification?: CertificateVerificationResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  DataAccess?: DataAccessResolvers<ContextType>;
  DataAccessPage?: DataAccessPageResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FieldAccess?: FieldAccessResolvers<ContextType>;
  Matter?: MatterResolvers<ContextType>;
  MatterInput?: MatterInputResolvers<ContextType>;
  MatterStep?: MatterStepResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PendingDecision?: PendingDecisionResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PrefilledValue?: PrefilledValueResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

