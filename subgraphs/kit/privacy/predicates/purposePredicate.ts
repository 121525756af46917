import type { BuiltInPredicate } from './BuiltInPredicate.js';

/**
 * The caller stated one of these purposes (the X-Purpose header). Anonymous callers never
 * qualify: a purpose only means something from someone accountable for it.
 */
export const purposePredicate = Object.freeze<BuiltInPredicate>({
  name: 'purpose',
  argument: 'purposes',
  description: 'the caller stated one of these purposes in X-Purpose (declared in privacy/roles.yaml)',
  holds: ({ caller }, purposes) =>
    caller.kind !== 'anonymous' && caller.purpose !== null && purposes.includes(caller.purpose),
});
