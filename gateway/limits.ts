import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import { graphError, type ErrorCode } from '../core/index.js';
import { MAX_ERRORS, MAX_RESPONSE_BYTES } from './capResponses.js';
import { checkScalarLiteralsRule } from './checkScalarInputs.js';
import { maxSelectionsRule, tooManySelections } from './maxSelectionsRule.js';

/**
 * The portal's deepest operation (examples/operations/CitizenDashboard.graphql) nests 5 fields;
 * a cyclic path (company → shareholders → holder → legalRepresentativeOf → …) goes deeper
 * only to fan out over the departments.
 */
export const MAX_QUERY_DEPTH = 12;
/** Aliases let one operation ask for the same field many times; the portal uses none. */
export const MAX_ALIASES = 30;
/** Lexical tokens; the parser stops there. The portal's largest operation has 71, the explorer's introspection 183. */
export const MAX_QUERY_TOKENS = 2_000;
/** Enough for `@include`/`@skip` on every field a screen shows; the portal uses none. */
export const MAX_DIRECTIVES = 20;
/**
 * In the units of gateway/costOfOperation.ts. The portal's operations cost at most 600 (SearchCompanies
 * with `first: 100`); the README's access-log query for privacy officers 3,301.
 */
export const MAX_QUERY_COST = 5_000;
/**
 * Field selections once fragments are expanded (gateway/maxSelectionsRule.ts): what the query
 * planner works through. The portal's largest operation reaches 30, the explorer's full
 * introspection query about 200; planning 1,000 takes milliseconds, where 31 fragments that each
 * spread the next two reach two million and kept the planner busy for seconds.
 */
export const MAX_SELECTIONS = 1_000;

/** What the gateway refuses before it plans a query, how large an answer may be, and whether its schema is public. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  maxSelections: number;
  /** Errors listed in one answer, and the largest answer sent (gateway/capResponses.ts). */
  maxErrors: number;
  maxResponseBytes: number;
  /**
   * Introspection, the explorer at / and /schema.graphql, for integrators. Off, all three are
   * gone (the explorer needs introspection; the SDL would give the schema away anyway) and
   * error messages stop suggesting field names.
   */
  introspection: boolean;
}

export const DEFAULT_QUERY_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxDepth: MAX_QUERY_DEPTH,
  maxAliases: MAX_ALIASES,
  maxTokens: MAX_QUERY_TOKENS,
  maxDirectives: MAX_DIRECTIVES,
  maxCost: MAX_QUERY_COST,
  maxSelections: MAX_SELECTIONS,
  maxErrors: MAX_ERRORS,
  maxResponseBytes: MAX_RESPONSE_BYTES,
  introspection: true,
});

const LIMIT_VARIABLES = {
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxCost: 'GRAPHQL_MAX_COST',
  maxSelections: 'GRAPHQL_MAX_SELECTIONS',
  maxErrors: 'GATEWAY_MAX_ERRORS',
  maxResponseBytes: 'GATEWAY_MAX_RESPONSE_BYTES',
} as const;

/**
 * The limits from the given variables (README, "Ports and settings"), for readGatewayConfig
 * (gateway/gatewayConfig.ts), which reads them once at start; a malformed value stops the start.
 */
export function limitsFromEnvironment(env: Readonly<Record<string, string | undefined>>): QueryLimits {
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS };
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as Array<[keyof typeof LIMIT_VARIABLES, string]>) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    if (!/^[1-9][0-9]{0,9}$/.test(value))
      throw new Error(`${variable} must be a positive whole number, not "${value.slice(0, 40)}".`);
    limits[key] = Number(value);
  }
  const introspection = env.GRAPHQL_INTROSPECTION;
  if (introspection !== undefined && introspection !== '') {
    if (introspection !== 'on' && introspection !== 'off')
      throw new Error(`GRAPHQL_INTROSPECTION must be "on" or "off", not "${introspection.slice(0, 40)}".`);
    limits.introspection = introspection === 'on';
  }
  return limits;
}

/**
 * The validation rules that refuse abusive operations, each with its stable code (400). They
 * run beside graphql's specifiedRules on the gateway's API schema, before anything is planned or
 * any department is asked; Apollo caches a validated document, so a repeated operation is checked
 * once. The cost, which needs the request's variables, is checked next (refuseCostlyOperations.ts).
 */
export function limitValidationRules(limits: QueryLimits): ValidationRule[] {
  return [
    // What the query planner works through: bounded here, so planning stays in milliseconds.
    maxSelectionsRule({
      maxSelections: limits.maxSelections,
      refuse: (context, max) => context.reportError(graphError('TOO_MANY_SELECTIONS', tooManySelections(max))),
    }),
    // Depth counts fields, not fragments; introspection is bounded by graphql's MaxIntrospectionDepthRule.
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...refuseWith('QUERY_TOO_DEEP', 'Ask for fewer nested fields, or split the query.'),
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      ...refuseWith('TOO_MANY_ALIASES', 'Ask for each field once, or split the query.'),
    }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuseWith('TOO_MANY_DIRECTIVES', 'Use fewer directives.') }),
    // A malformed date or amount is the caller's BAD_USER_INPUT here, not a department's failure later.
    checkScalarLiteralsRule(),
  ];
}

/** The parser stops at `maxTokens`, so an oversized document costs no more than that to refuse. */
export function limitParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/**
 * graphql-armor's rules throw a "Syntax Error" out of validation by default, which Apollo
 * would answer with a 500; reported on the context instead, the refusal is a 400 whose code
 * gateway/formatRefusals.ts puts back after Apollo labels it a validation error.
 */
function refuseWith(code: ErrorCode, advice: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(graphError(code, `${error.message.replace(/^Syntax Error: /, '')} ${advice}`));
      },
    ],
  };
}
