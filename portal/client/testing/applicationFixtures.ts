import type {
  ApplicationProgressQuery,
  PendingDecisionsQuery,
  ServiceFormQuery,
} from '../../../examples/generated/client/graphql.js';
import type { Session } from '../graphql.js';

/** A resident signed in for the pages' tests (not one of the data set's: the graph is stubbed). */
export const RESIDENT: Session = {
  token: 'token-of-the-resident',
  kind: 'person',
  sub: '110105194912310021',
  label: 'A resident',
  purpose: null,
  home: '#/me',
};

/** A market officer signed in, stating the purpose the matter names for the decision. */
export const MARKET_OFFICER: Session = {
  token: 'token-of-the-officer',
  kind: 'officer',
  sub: 'staff-21',
  label: 'Market officer staff-21',
  purpose: 'market-supervision',
  home: '#/decisions/market',
};

type Matter = NonNullable<ServiceFormQuery['matter']>;
type Application = NonNullable<ApplicationProgressQuery['application']>;
type Pending = NonNullable<PendingDecisionsQuery['pendingDecisions']>[number];

/** Start a business as the graph describes it: every kind of input but DATE, nothing pre-filled. */
export function startABusiness(overrides: Partial<Matter> = {}): Matter {
  return {
    name: 'start-a-business',
    title: 'Start a business',
    description: 'Register a new company once.',
    applicants: ['RESIDENT'],
    promisedDays: 5,
    prefillPurpose: null,
    inputs: [
      { name: 'companyName', label: 'The company’s name', type: 'TEXT', choices: null },
      { name: 'registeredCapital', label: 'Registered capital in CNY', type: 'DECIMAL', choices: null },
      { name: 'taxpayerType', label: 'Taxpayer type', type: 'CHOICE', choices: ['GENERAL', 'SMALL_SCALE'] },
      { name: 'firstContributionMonth', label: 'First month of contributions', type: 'PERIOD', choices: null },
    ],
    steps: [
      { name: 'register', department: 'market', decidedBy: null },
      { name: 'registerTaxpayer', department: 'tax', decidedBy: null },
      { name: 'approve', department: 'market', decidedBy: 'market-officer' },
    ],
    ...overrides,
  };
}

/** Claim benefit: two inputs, pre-filled from the social security bureau and the tax bureau. */
export function claimBenefit(): Matter {
  return startABusiness({
    name: 'claim-benefit',
    title: 'Claim benefit',
    description: 'Claim unemployment benefit.',
    promisedDays: 10,
    prefillPurpose: 'benefit-claim',
    inputs: [
      { name: 'kind', label: 'What you claim', type: 'CHOICE', choices: ['UNEMPLOYMENT_BENEFIT'] },
      { name: 'bankAccount', label: 'Bank account to pay into', type: 'TEXT', choices: null },
    ],
    steps: [
      { name: 'submit', department: 'social', decidedBy: null },
      { name: 'decide', department: 'social', decidedBy: 'social-officer' },
    ],
  });
}

/** An application to start a business, waiting for the market officer unless told otherwise. */
export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app-1',
    matter: { name: 'start-a-business', title: 'Start a business' },
    applicant: RESIDENT.sub,
    status: 'AWAITING_DECISION',
    reason: null,
    officerTasks: [],
    submittedAt: '2026-12-07T10:00:00.000Z',
    promisedBy: '2026-12-12T10:00:00.000Z',
    steps: [
      {
        name: 'register',
        department: 'market',
        status: 'DONE',
        reason: null,
        at: '2026-12-07T10:00:01.000Z',
        outputs: [{ name: 'uscc', value: '91310000TESTCO001X' }],
      },
      {
        name: 'approve',
        department: 'market',
        status: 'AWAITING_DECISION',
        reason: null,
        at: '2026-12-07T10:00:02.000Z',
        outputs: [],
      },
    ],
    ...overrides,
  };
}

/** The approve step of that application, as the officers' queue lists it. */
export function pendingApproval(step = 'app-1:approve'): Pending {
  return {
    step,
    name: 'approve',
    role: 'market-officer',
    since: '2026-12-07T10:00:02.000Z',
    application: {
      id: step.split(':')[0]!,
      matter: {
        name: 'start-a-business',
        title: 'Start a business',
        inputs: [
          { name: 'companyName', label: 'The company’s name' },
          { name: 'taxpayerType', label: 'Taxpayer type' },
        ],
      },
      applicant: RESIDENT.sub,
      status: 'AWAITING_DECISION',
      submittedAt: '2026-12-07T10:00:00.000Z',
      promisedBy: '2026-12-12T10:00:00.000Z',
      // As the graph may list them: not in the form's order, one of no input the form still has.
      answers: [
        { name: 'taxpayerType', value: 'GENERAL' },
        { name: 'formerInput', value: 'kept' },
        { name: 'companyName', value: 'Harbour Tea Co., Ltd.' },
      ],
    },
  };
}
