import type { RefusalReasons } from '../../kit/index.js';

/**
 * The registry's faults that are a decision about the application rather than a failure
 * (legacy-mocks/market/README.md, "Error codes"), each in words an applicant can act on. The
 * resolvers check the form of every field first, so the registry's own form checks (E1001,
 * E1002, E1008, E2001) stay failures of ours: DEPARTMENT_UNAVAILABLE, reason 'rejected'.
 */
export const registryRefusals: RefusalReasons = {
  E1009: 'this idempotency key was already used for a different request.',
  E2002: 'the company name is already held by an enterprise or by a registration waiting for approval.',
  E2003: 'the registry does not accept this legal form.',
  E2004: 'the registered capital is not an amount the registry accepts (at most 1,000,000,000,000 CNY).',
  E2005: "the population registry does not know the legal representative's resident ID.",
  E2006: 'the registry holds no registration made through the one-stop platform under this code.',
  E2007: 'the registration is no longer waiting for a decision.',
  E2008: 'the registry is not accepting this application now; please try again later or ask at a service counter.',
};
