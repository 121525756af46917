import { buildSchema, type GraphQLSchema } from 'graphql';
import type { ActionOutcome, DepartmentActions } from '../engine/DepartmentActions.js';
import type { Matter } from '../matters/Matter.js';
import type { ActingGraphClient, GraphErrorBody } from './actingGraphClient.js';

/** The argument every department write takes to be idempotent; the engine fills it. */
const KEY_ARGUMENT = 'idempotencyKey';

/**
 * Codes that mean "asking again later may work": the department or the graph is down, busy or
 * over a limit, or the service's token was not taken (a key being rotated). Anything else the
 * graph answers with is the department's or the policy's word on this application, which asking
 * again would only repeat.
 */
const TRY_AGAIN = new Set([
  'DEPARTMENT_UNAVAILABLE',
  'RATE_LIMITED',
  'CREATION_BUDGET_EXHAUSTED',
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
  'ACCESS_NOT_RECORDED',
]);

/**
 * The engine's DepartmentActions over the graph: each action is the department's own mutation,
 * sent to the gateway by the applications service acting for the applicant, for the company a
 * step registered, or for the officer who decided (createActingGraphClient). The mutation's text
 * is built from the public schema (schema.graphql), once per action: its arguments' types and
 * the step's `outputs:` as the selection.
 */
export function graphDepartmentActions(
  client: ActingGraphClient,
  options: { publicSchemaSdl: string; matters: readonly Matter[] },
): DepartmentActions {
  const schema = buildSchema(options.publicSchemaSdl);
  const documents = new Map<string, string>();
  const outputsOf = new Map<string, Set<string>>();
  for (const matter of options.matters)
    for (const step of Object.values(matter.steps)) {
      const outputs = outputsOf.get(step.action) ?? new Set<string>();
      for (const output of step.outputs ?? []) outputs.add(output);
      outputsOf.set(step.action, outputs);
    }
  const documentOf = (action: string, input: Readonly<Record<string, unknown>>) => {
    const cacheKey = `${action}(${Object.keys(input).sort().join(',')})`;
    let document = documents.get(cacheKey);
    if (!document) {
      document = mutationText(schema, action, Object.keys(input), [...(outputsOf.get(action) ?? [])]);
      documents.set(cacheKey, document);
    }
    return document;
  };
  return {
    async perform(department, action, input, idempotencyKey, on): Promise<ActionOutcome> {
      // The engine's keys are `<application>/<step>[/undo]`; the departments take A-Z a-z 0-9 . _ : - only.
      const key = idempotencyKey.replace(/\//g, ':');
      const answer = await client(documentOf(action, input), { ...input, [KEY_ARGUMENT]: key }, on);
      if (!answer.reached) return { outcome: 'unavailable', reason: `The ${department} department: ${answer.reason}.` };
      const result = answer.data?.[action];
      const error = answer.errors[0];
      if (result && typeof result === 'object') return { outcome: 'done', output: result as Record<string, unknown> };
      if (!error)
        return {
          outcome: 'unavailable',
          reason: `The ${department} department answered nothing (HTTP ${answer.status}).`,
        };
      return outcomeOf(department, error);
    },
  };
}

function outcomeOf(department: string, error: GraphErrorBody): ActionOutcome {
  const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  if (TRY_AGAIN.has(code)) return { outcome: 'unavailable', reason: error.message };
  if (code === 'DEPARTMENT_REFUSED') {
    // "The tax department refused: <reason>": the matter's own words come first, so only the reason.
    const reason = error.message.replace(/^The \w+ department refused: /, '');
    return { outcome: 'refused', reason };
  }
  // FORBIDDEN, BAD_USER_INPUT and the rest: this application cannot be carried as it is.
  return { outcome: 'refused', reason: `The ${department} department did not accept it (${code}): ${error.message}` };
}

/**
 * `mutation Step($a: T!, …) { action(a: $a, …) { outputs } }` from the public schema: the
 * argument types are the schema's own, so a type the department changes needs no edit here.
 */
export function mutationText(
  schema: GraphQLSchema,
  action: string,
  argumentNames: readonly string[],
  outputs: readonly string[],
): string {
  const field = schema.getMutationType()?.getFields()[action];
  if (!field) throw new Error(`The public schema has no mutation ${action}: run npm run matters:check.`);
  const names = [...argumentNames.filter((name) => name !== KEY_ARGUMENT), KEY_ARGUMENT];
  const declared = names.map((name) => {
    const argument = field.args.find((candidate) => candidate.name === name);
    if (!argument) throw new Error(`${action} has no argument ${name}: run npm run matters:check.`);
    return `$${name}: ${String(argument.type)}`;
  });
  const selection = outputs.length > 0 ? outputs.join(' ') : '__typename';
  return `mutation ${action[0]!.toUpperCase()}${action.slice(1)}Step(${declared.join(', ')}) { ${action}(${names
    .map((name) => `${name}: $${name}`)
    .join(', ')}) { ${selection} } }`;
}
