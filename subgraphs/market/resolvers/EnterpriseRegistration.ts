import type { EnterpriseRegistrationResolvers } from '../generated/resolvers-types.js';

/** A registration write's answer; its company is read from the registry as it is now (null once it is gone). */
export const EnterpriseRegistration: EnterpriseRegistrationResolvers = {
  company: (registration, _args, { loaders }) => loaders.company.load(registration.uscc),
};
