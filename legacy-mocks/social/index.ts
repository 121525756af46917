/** The social security bureau's legacy social insurance system (SOAP + WS-Security), as a mock. */
export { INSURANCE_PATH, MAX_CONTRIBUTION_MONTHS, MAX_EMPLOYERS_PER_CALL, MAX_PERSONS_PER_CALL } from './limits.js';
export { socialCredentials, type SocialCredentials } from './socialCredentials.js';
export { SOCIAL_FAULTS, type SocialFaultCode } from './socialFault.js';
export { SOCIAL_SYSTEM_NAME, startSocialMock, type SocialMockOptions } from './startSocialMock.js';
