import type { BuiltInPredicate } from './BuiltInPredicate.js';
import { authenticatedPredicate } from './authenticatedPredicate.js';
import { companySelfPredicate } from './companySelfPredicate.js';
import { publicPredicate } from './publicPredicate.js';
import { purposePredicate } from './purposePredicate.js';
import { rolePredicate } from './rolePredicate.js';
import { selfPredicate } from './selfPredicate.js';

/**
 * Every predicate a policy file may use (DESIGN.md, "Privacy policy"), in the order
 * privacy/README.md lists them. A new predicate is one file plus one line here.
 */
export const builtInPredicates: readonly BuiltInPredicate[] = Object.freeze([
  publicPredicate,
  authenticatedPredicate,
  selfPredicate,
  companySelfPredicate,
  rolePredicate,
  purposePredicate,
]);
