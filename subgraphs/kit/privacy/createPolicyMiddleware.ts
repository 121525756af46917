import { isIntrospectionType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { middleware, type IMiddlewareFunction, type IMiddlewareGenerator } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import { ANONYMOUS, type Caller } from '../caller.js';
import { graphError } from '../errors.js';
import { isFederationField } from './federationFields.js';
import { keyFieldsOf } from './keyFieldsOf.js';
import { applyMask } from './masks/applyMask.js';
import type { CompiledPolicy, Decision, DecisionEvent, Subject, SubjectResolvers } from './types.js';

export interface PolicyMiddlewareOptions {
  /** The policy in force, asked on every field, so a reload takes effect on the next request. */
  getPolicy: () => CompiledPolicy;
  /** Whose data each type's values are, by type name; a type without one has no subjects. */
  subjects: SubjectResolvers;
  /** Told of every decision on a protected field (for the access log), with the request's context; never given the value. */
  onDecision?: (event: DecisionEvent, context: unknown) => void;
}

type PolicyMiddleware = IMiddlewareGenerator<unknown, unknown, Record<string, unknown>> | IMiddlewareFunction<unknown, unknown, Record<string, unknown>>;

const NO_SUBJECTS: readonly Subject[] = Object.freeze([]);

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
export function createPolicyMiddleware(options: PolicyMiddlewareOptions): PolicyMiddleware[] {
  const { getPolicy, subjects, onDecision } = options;
  // One decision per field resolution, shared by both middlewares. info.path is a fresh object
  // for each field of each item, so it is the resolution's identity; held weakly, it goes with the request.
  const decisions = new WeakMap<object, Decision>();

  const decideField = (parent: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo): Decision => {
    const policy = getPolicy();
    const typeName = info.parentType.name;
    const fieldName = info.fieldName;
    const isProtected = policy.isProtected(typeName, fieldName);
    // A public field is everyone's whoever it is about: no need to ask (or trust) a subject resolver.
    const resolveSubjects = isProtected ? subjects[typeName] : undefined;
    const fieldSubjects = resolveSubjects ? resolveSubjects(parent, args ?? {}) : NO_SUBJECTS;
    const decision = policy.decide(typeName, fieldName, { caller: callerOf(context), subjects: fieldSubjects });
    decisions.set(info.path, decision);
    if (onDecision && isProtected) {
      onDecision({ department: policy.department, typeName, fieldName, subjects: fieldSubjects, decision, protected: true }, context);
    }
    return decision;
  };

  // 'no_cache': the decision depends on the parent (whose data) and the field, and shield's
  // 'contextual' cache would reuse one field's answer for every field sharing the rule.
  const askPolicy = rule('privacyPolicy', { cache: 'no_cache' })((parent, args, context, info: GraphQLResolveInfo) => {
    const decision = decideField(parent, args as Record<string, unknown>, context, info);
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
        fields[fieldName] = isFederationField(type.name, fieldName) || keys.get(type.name)?.has(fieldName) ? allow : askPolicy;
      }
      ruleTree[type.name] = fields;
    }
    return shield(ruleTree, {
      // A department's own errors (DEPARTMENT_UNAVAILABLE, BAD_USER_INPUT) must reach the caller as they are.
      allowExternalErrors: true,
      fallbackRule: askPolicy,
      // A rule that fails (e.g. a subject resolver throws) denies, with our error, never "Not Authorised!".
      fallbackError: (_error, _parent, _args, _context, info) => forbidden(info),
      debug: false,
    }).generate(schema);
  });

  // The shield ran first, so the decision is known before the resolver: a field that is not
  // masked passes straight through, without the promise an async wrapper would add to every
  // field of every list item.
  const maskValues: IMiddlewareFunction<unknown, unknown, Record<string, unknown>> = (resolve, parent, args, context, info) => {
    const decision = decisions.get(info.path);
    if (decision?.effect !== 'mask') return resolve(parent, args, context, info);
    const value: unknown = resolve(parent, args, context, info);
    return value instanceof Promise ? value.then((resolved: unknown) => applyMask(resolved, decision.style)) : applyMask(value, decision.style);
  };

  return [policyShield, maskValues];
}

function callerOf(context: unknown): Caller {
  const caller = (context as { caller?: Caller } | null | undefined)?.caller;
  return caller ?? ANONYMOUS;
}

function forbidden(info: GraphQLResolveInfo) {
  const field = `${info.parentType.name}.${info.fieldName}`;
  return graphError('FORBIDDEN', `You may not see ${field}.`, { field });
}
