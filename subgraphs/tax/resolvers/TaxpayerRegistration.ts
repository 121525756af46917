import type { TaxpayerRegistrationResolvers } from '../generated/resolvers-types.js';

/** A registration write's answer; its profile is read from the bureau as it is now. */
export const TaxpayerRegistration: TaxpayerRegistrationResolvers = {
  taxProfile: (registration, _args, { loaders }) => loaders.taxProfile.load(registration.uscc),
};
