import type { BuiltInPredicate } from './BuiltInPredicate.js';

/** The caller is a company the value is about (logged in with its USCC). */
export const companySelfPredicate = Object.freeze<BuiltInPredicate>({
  name: 'companySelf',
  argument: 'none',
  description: 'a company looking at its own data',
  holds: ({ caller, subjects }) =>
    caller.kind === 'company' && subjects.some((subject) => subject.kind === 'company' && subject.id === caller.sub),
});
