import type { BuiltInPredicate } from './BuiltInPredicate.js';

/** Any caller the gateway verified: a person, a company or an officer. */
export const authenticatedPredicate = Object.freeze<BuiltInPredicate>({
  name: 'authenticated',
  argument: 'none',
  description: 'any logged-in caller (person, company or officer)',
  holds: ({ caller }) => caller.kind !== 'anonymous',
});
