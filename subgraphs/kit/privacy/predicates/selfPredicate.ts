import type { BuiltInPredicate } from './BuiltInPredicate.js';

/**
 * The caller is a person the value is about. Subjects come from the department's subject
 * resolvers, so "about" means what the department declared (e.g. a Shareholding is about its
 * holder and its company).
 */
export const selfPredicate = Object.freeze<BuiltInPredicate>({
  name: 'self',
  argument: 'none',
  description: 'a person looking at their own data',
  holds: ({ caller, subjects }) =>
    caller.kind === 'person' && subjects.some((subject) => subject.kind === 'person' && subject.id === caller.sub),
});
