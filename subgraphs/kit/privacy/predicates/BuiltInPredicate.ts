import type { DecisionInput } from '../types.js';

/**
 * A predicate a policy file can name. Those taking no argument are written as a bare word
 * (`self`); `role` and `purpose` are written as a map key with the names they accept
 * (`{ role: tax-officer }`), and those names must be declared in privacy/roles.yaml.
 */
export interface BuiltInPredicate {
  name: string;
  /** What the predicate is given: nothing, role names or purpose names. */
  argument: 'none' | 'roles' | 'purposes';
  /** One line for privacy officers (privacy/README.md, policy:explain). */
  description: string;
  holds(input: DecisionInput, names: readonly string[]): boolean;
}
