import type { BuiltInPredicate } from './BuiltInPredicate.js';

/** The caller holds at least one of the roles named (roles come from the verified token). */
export const rolePredicate = Object.freeze<BuiltInPredicate>({
  name: 'role',
  argument: 'roles',
  description: 'the caller has one of these roles (declared in privacy/roles.yaml)',
  holds: ({ caller }, roles) => caller.kind !== 'anonymous' && caller.roles.some((role) => roles.includes(role)),
});
