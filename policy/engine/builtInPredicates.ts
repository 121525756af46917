import type { BuiltInPredicate } from './types.js';

/** Anyone, even without a token: the registry's published data. */
export const publicPredicate = Object.freeze<BuiltInPredicate>({
  name: 'public',
  argument: 'none',
  description: 'anyone, even an anonymous caller',
  reads: 'nothing',
  holds: () => true,
});

/** Any caller the gateway verified: a person, a company or an officer. */
export const authenticatedPredicate = Object.freeze<BuiltInPredicate>({
  name: 'authenticated',
  argument: 'none',
  description: 'any logged-in caller (person, company or officer)',
  reads: 'nothing',
  holds: ({ caller }) => caller.kind !== 'anonymous',
});

/**
 * The caller is a person the value is about. Subjects come from the department's subject
 * resolvers, so "about" means what the department declared (e.g. a Shareholding is about its
 * holder and its company).
 */
export const selfPredicate = Object.freeze<BuiltInPredicate>({
  name: 'self',
  argument: 'none',
  description: 'a person looking at their own data',
  reads: 'callerAmongSubjects',
  holds: ({ caller, subjects }) =>
    caller.kind === 'person' && subjects.some((subject) => subject.kind === 'person' && subject.id === caller.sub),
});

/** The caller is a company the value is about (logged in with its USCC). */
export const companySelfPredicate = Object.freeze<BuiltInPredicate>({
  name: 'companySelf',
  argument: 'none',
  description: 'a company looking at its own data',
  reads: 'callerAmongSubjects',
  holds: ({ caller, subjects }) =>
    caller.kind === 'company' && subjects.some((subject) => subject.kind === 'company' && subject.id === caller.sub),
});

/** The caller holds at least one of the roles named (roles come from the verified token). */
export const rolePredicate = Object.freeze<BuiltInPredicate>({
  name: 'role',
  argument: 'roles',
  description: 'the caller has one of these roles (declared in privacy/roles.yaml)',
  reads: 'nothing',
  holds: ({ caller }, roles) => caller.kind !== 'anonymous' && caller.roles.some((role) => roles.includes(role)),
});

/**
 * The caller stated one of these purposes (the X-Purpose header). Anonymous callers never
 * qualify: a purpose only means something from someone accountable for it.
 */
export const purposePredicate = Object.freeze<BuiltInPredicate>({
  name: 'purpose',
  argument: 'purposes',
  description: 'the caller stated one of these purposes in X-Purpose (declared in privacy/roles.yaml)',
  reads: 'nothing',
  holds: ({ caller }, purposes) =>
    caller.kind !== 'anonymous' && caller.purpose !== null && purposes.includes(caller.purpose),
});

/**
 * Every predicate a policy file may use (DESIGN.md, "Privacy policy"), in the order
 * privacy/README.md lists them, as graphql-js's specifiedRules gathers its rules. Each is a
 * line or two, so they live here together; a new one is an entry above and a line here (a
 * predicate with real logic of its own would get a file and its own tests).
 */
export const builtInPredicates: readonly BuiltInPredicate[] = Object.freeze([
  publicPredicate,
  authenticatedPredicate,
  selfPredicate,
  companySelfPredicate,
  rolePredicate,
  purposePredicate,
]);
