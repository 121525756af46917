/**
 * The privacy policy's GraphQL side in a subgraph: the policy engine (policy/) applied with
 * graphql-shield on every field, entities the caller may see nothing of left unloaded, and the
 * whole as one plugin around the schema (usePrivacyPolicy). Rules and decisions are policy/'s.
 */
export { usePrivacyPolicy, type PrivacyPolicyOptions } from './usePrivacyPolicy.js';
export { createPolicyMiddleware, type PolicyMiddlewareOptions } from './createPolicyMiddleware.js';
export { skipDeniedEntityLoads } from './skipDeniedEntityLoads.js';
