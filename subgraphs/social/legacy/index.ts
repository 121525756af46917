/** The social subgraph's legacy client: the social security bureau's social insurance system. */
export type { ContributionRecord } from './ContributionRecord.js';
export type { EmployerAccountRecord } from './EmployerAccountRecord.js';
export type { PersonRecord } from './PersonRecord.js';
export type { SocialSecurityAccountRecord } from './SocialSecurityAccountRecord.js';
export {
  EMPLOYER_BATCH_MAXIMUM,
  SOCIAL_BATCH_MAXIMUM,
  SocialClient,
  type SocialClientOptions,
} from './socialClient.js';
export { SOCIAL_FAULT_REASONS } from './toSocialFaultReason.js';
export type { BenefitClaimRecord } from './BenefitClaimRecord.js';
export type { EmployerAccountOpeningRecord } from './EmployerAccountOpeningRecord.js';
export { SocialWrites } from './socialWrites.js';
