import { isIntrospectionType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { middleware, type IMiddleware, type IMiddlewareGenerator } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import { graphError, isProductError } from '../../../core/errors.js';
import {
  applyMask,
  createFieldDecider,
  isFederationField,
  keyFieldsOf,
  type Decision,
  type FieldDecider,
  type FieldDeciderOptions,
  type FieldQuestion,
} from '../../../policy/index.js';

export type PolicyMiddlewareOptions = FieldDeciderOptions;

type PolicyMiddleware = IMiddlewareGenerator<unknown, unknown, Record<string, unknown>>;

/**
 * The privacy policy as graphql-middleware middlewares, for
 * `applyMiddleware(schema, ...createPolicyMiddleware(options))` (DESIGN.md, "Privacy where the
 * data is"): a graphql-shield rule tree with a rule on every field of every object type, so
 * there are no holes — federation and key fields are `allow`ed; every other field has the
 * policy's rule (also the `fallbackRule`), which asks the current policy: a denied field is never
 * resolved (nothing is fetched from the legacy system) and becomes null with a FORBIDDEN error
 * naming it, and a masked one has its resolved value masked.
 *
 * The policy's rule is synchronous, and so is its field wrapper: it decides, then returns the
 * resolver's own value (masked if need be), adding no promise to a field of a list item. Fields
 * under any other shield rule keep shield's own (asynchronous) wrapper. Errors are shield's, as
 * configured below: a department's error passes as it is, a rule that fails denies.
 *
 * The caller is `context.caller` (anonymous when missing: fail closed).
 */
export function createPolicyMiddleware(options: PolicyMiddlewareOptions | FieldDecider): PolicyMiddleware[] {
  const decider = 'decide' in options ? options : createFieldDecider(options);

  /** The decision, or the error the field becomes instead (what shield makes of the rule's outcome). */
  const check = (
    parent: unknown,
    args: Record<string, unknown> | undefined,
    context: unknown,
    info: GraphQLResolveInfo,
  ): Decision | Error => {
    let decision: Decision;
    try {
      decision = decider.decide(questionOf(parent, args, context, info));
    } catch (error) {
      // A malformed subject (BAD_USER_INPUT) reaches the caller as it is; anything else denies.
      return isProductError(error) ? error : forbidden(info);
    }
    return decision.effect === 'deny' ? forbidden(info) : decision;
  };

  // The rule as shield knows it ('no_cache': the decision depends on the parent and the field).
  const askPolicy = rule('privacyPolicy', { cache: 'no_cache' })((parent, args, context, info: GraphQLResolveInfo) => {
    const outcome = check(parent, args as Record<string, unknown>, context, info);
    return outcome instanceof Error ? outcome : true;
  });

  // What shield's wrapper does with askPolicy, without its promises: decide, then resolve or not.
  // graphql-middleware's type promises a promise; it passes on whatever the wrapper returns.
  const guardField = (
    resolve: (parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown,
    parent: unknown,
    args: Record<string, unknown>,
    context: unknown,
    info: GraphQLResolveInfo,
  ): unknown => {
    const outcome = check(parent, args, context, info);
    if (outcome instanceof Error) return outcome;
    const value: unknown = resolve(parent, args, context, info);
    if (outcome.effect !== 'mask') return value;
    return value instanceof Promise
      ? value.then((resolved: unknown) => applyMask(resolved, outcome.style))
      : applyMask(value, outcome.style);
  };

  const policyShield = middleware((schema: GraphQLSchema) => {
    const ruleTree = ruleTreeOf(schema, askPolicy);
    const generated = shield(ruleTree, {
      // A department's own errors (DEPARTMENT_UNAVAILABLE, BAD_USER_INPUT) must reach the caller as they are.
      allowExternalErrors: true,
      fallbackRule: askPolicy,
      // A rule that fails (e.g. a subject resolver throws) denies, with our error, never "Not Authorised!".
      fallbackError: (_error, _parent, _args, _context, info) => forbidden(info),
      debug: false,
    }).generate(schema) as Record<string, Record<string, unknown>>;
    for (const [typeName, fields] of Object.entries(generated)) {
      for (const fieldName of Object.keys(fields)) {
        const fieldRule = ruleTree[typeName]?.[fieldName] ?? askPolicy;
        // Keys and federation fields: nothing to decide, so no wrapper at all on every id of every item.
        if (fieldRule === allow) delete fields[fieldName];
        else if (fieldRule === askPolicy) fields[fieldName] = guardField;
      }
    }
    return generated as IMiddleware<unknown, unknown, Record<string, unknown>>;
  });

  return [policyShield];
}

/** Shield's rule tree: `allow` on federation and key fields (how the gateway plans and joins), the policy's rule on every other. */
function ruleTreeOf<TRule>(
  schema: GraphQLSchema,
  policyRule: TRule,
): Record<string, Record<string, TRule | typeof allow>> {
  const keys = keyFieldsOf(schema);
  const ruleTree: Record<string, Record<string, TRule | typeof allow>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const fields: Record<string, TRule | typeof allow> = {};
    for (const fieldName of Object.keys(type.getFields()))
      fields[fieldName] =
        isFederationField(type.name, fieldName) || keys.get(type.name)?.has(fieldName) ? allow : policyRule;
    ruleTree[type.name] = fields;
  }
  return ruleTree;
}

function forbidden(info: GraphQLResolveInfo) {
  const field = `${info.parentType.name}.${info.fieldName}`;
  return graphError('FORBIDDEN', `You may not see ${field}.`, { field });
}

/** The field question graphql-middleware's arguments pose. */
function questionOf(
  parent: unknown,
  args: Record<string, unknown> | undefined,
  context: unknown,
  info: GraphQLResolveInfo,
): FieldQuestion {
  return { typeName: info.parentType.name, fieldName: info.fieldName, parent, args: args ?? {}, context };
}
