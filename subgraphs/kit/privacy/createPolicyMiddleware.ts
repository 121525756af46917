import { isIntrospectionType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { middleware, type IMiddleware, type IMiddlewareFunction, type IMiddlewareGenerator } from 'graphql-middleware';
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

type PolicyMiddleware =
  | IMiddlewareGenerator<unknown, unknown, Record<string, unknown>>
  | IMiddlewareFunction<unknown, unknown, Record<string, unknown>>;

/**
 * The privacy policy as graphql-middleware middlewares, for
 * `applyMiddleware(schema, ...createPolicyMiddleware(options))` (DESIGN.md, "Privacy where the
 * data is"):
 *
 * 1. a graphql-shield with a rule on every field of every object type, so there are no holes:
 *    federation and key fields are allowed; every other field asks the current policy, and a
 *    denied field is never resolved (nothing is fetched from the legacy system) and becomes
 *    null with a FORBIDDEN error naming it;
 * 2. a mask applied to a resolved value when the decision is `mask`.
 *
 * The caller is `context.caller` (anonymous when missing: fail closed).
 */
export function createPolicyMiddleware(options: PolicyMiddlewareOptions | FieldDecider): PolicyMiddleware[] {
  const decider = 'decide' in options ? options : createFieldDecider(options);
  // One decision per field resolution, shared by both middlewares. info.path is a fresh object
  // for each field of each item, so it is the resolution's identity; held weakly, it goes with the request.
  const decisions = new WeakMap<object, Decision>();

  const decideField = (
    parent: unknown,
    args: Record<string, unknown>,
    context: unknown,
    info: GraphQLResolveInfo,
  ): Decision => {
    const decision = decider.decide(questionOf(parent, args, context, info));
    decisions.set(info.path, decision);
    return decision;
  };

  // 'no_cache': the decision depends on the parent (whose data) and the field, and shield's
  // 'contextual' cache would reuse one field's answer for every field sharing the rule.
  const askPolicy = rule('privacyPolicy', { cache: 'no_cache' })((parent, args, context, info: GraphQLResolveInfo) => {
    let decision: Decision;
    try {
      decision = decideField(parent, args as Record<string, unknown>, context, info);
    } catch (error) {
      // A malformed subject (BAD_USER_INPUT) reaches the caller as it is; anything else denies.
      if (isProductError(error)) return error;
      throw error;
    }
    return decision.effect === 'deny' ? forbidden(info) : true;
  });

  const policyShield = middleware((schema: GraphQLSchema) => {
    const keys = keyFieldsOf(schema);
    const ruleTree: Record<string, Record<string, typeof allow | typeof askPolicy>> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || isIntrospectionType(type)) continue;
      const fields: Record<string, typeof allow | typeof askPolicy> = {};
      for (const fieldName of Object.keys(type.getFields())) {
        // Federation and key fields are how the gateway plans and joins: never governed.
        fields[fieldName] =
          isFederationField(type.name, fieldName) || keys.get(type.name)?.has(fieldName) ? allow : askPolicy;
      }
      ruleTree[type.name] = fields;
    }
    const generated = shield(ruleTree, {
      // A department's own errors (DEPARTMENT_UNAVAILABLE, BAD_USER_INPUT) must reach the caller as they are.
      allowExternalErrors: true,
      fallbackRule: askPolicy,
      // A rule that fails (e.g. a subject resolver throws) denies, with our error, never "Not Authorised!".
      fallbackError: (_error, _parent, _args, _context, info) => forbidden(info),
      debug: false,
    }).generate(schema) as Record<string, Record<string, unknown>>;
    // Fields whose rule is `allow` (keys, federation) are left unwrapped: shield's wrapper would
    // only add two awaits to every id of every list item, and there is nothing to decide.
    for (const [typeName, fields] of Object.entries(ruleTree)) {
      for (const [fieldName, fieldRule] of Object.entries(fields))
        if (fieldRule === allow) delete generated[typeName]?.[fieldName];
    }
    return generated as IMiddleware<unknown, unknown, Record<string, unknown>>;
  });

  // The shield ran first, so the decision is known before the resolver: a field that is not
  // masked passes straight through, without the promise an async wrapper would add to every
  // field of every list item.
  const maskValues: IMiddlewareFunction<unknown, unknown, Record<string, unknown>> = (
    resolve,
    parent,
    args,
    context,
    info,
  ) => {
    const decision = decisions.get(info.path);
    if (decision?.effect !== 'mask') return resolve(parent, args, context, info);
    const value: unknown = resolve(parent, args, context, info);
    return value instanceof Promise
      ? value.then((resolved: unknown) => applyMask(resolved, decision.style))
      : applyMask(value, decision.style);
  };

  return [policyShield, maskValues];
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
