import type { BuiltInPredicate } from './BuiltInPredicate.js';

/** Anyone, even without a token: the registry's published data. */
export const publicPredicate = Object.freeze<BuiltInPredicate>({
  name: 'public',
  argument: 'none',
  description: 'anyone, even an anonymous caller',
  holds: () => true,
});
