/** The social subgraph's legacy client: the social security bureau's social insurance system. */
export type {
  ContributionRecord,
  EmployerAccountRecord,
  PersonRecord,
  SocialSecurityAccountRecord,
} from './records.js';
export {
  EMPLOYER_BATCH_MAXIMUM,
  SOCIAL_BATCH_MAXIMUM,
  SocialClient,
  type SocialClientOptions,
} from './socialClient.js';
export { SOCIAL_FAULT_REASONS } from './toSocialFaultReason.js';
