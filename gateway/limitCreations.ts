import { setTimeout as delay } from 'node:timers/promises';
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { z } from 'zod';
import { graphError } from '../core/index.js';
import { createDocumentCache } from './createDocumentCache.js';
import { REFUSAL_DELAY_MS } from './limitCallers.js';

/**
 * Every mutation of the graph, and whether it creates something that lasts (a sealed certificate
 * and its row in the register, an application): the name of the argument that says whom it
 * is about, or null for a mutation that creates nothing. gateway/limitCreations.test.ts fails
 * when the composed graph has a mutation this table does not name, so a new one is decided here.
 */
export const CREATING_MUTATIONS: ReadonlyMap<string, string | null> = new Map([
  ['issueBusinessLicenceExtract', 'uscc'],
  ['issueTaxClearance', 'uscc'],
  ['issueContributionCertificate', 'id'],
  // The departments' writes (issue 22): each that creates a record in a legacy system counts
  // against its subject's budget; a decision, a withdrawal or a cancellation creates nothing.
  ['registerEnterprise', 'legalRepresentativeId'],
  ['withdrawRegistration', null],
  ['decideRegistration', null],
  ['registerTaxpayer', 'uscc'],
  ['cancelTaxpayerRegistration', null],
  ['openEmployerAccount', 'uscc'],
  ['submitBenefitClaim', 'residentId'],
  ['decideBenefitClaim', null],
  // One-stop applications: each counts against its applicant's budget, so nobody floods the
  // departments through them; an officer's decision creates nothing.
  ['applyFor', 'applicant'],
  ['decide', null],
]);

/**
 * How many times a day one caller may have one mutation that creates something run about one
 * subject, unless GATEWAY_CREATE_BUDGETS says otherwise for that mutation. A company asked for its
 * tax clearance once or twice a day at most; asked again, it gets the same certificate back
 * (subgraphs/kit/certificates/createCertificateIssuer.ts), so ten leaves room for mistakes.
 */
export const CREATE_BUDGET_PER_DAY = 10;
const DAY_S = 86_400;
/** A subject as the budget's key holds it: IDs are 18 characters; anything longer is refused downstream anyway. */
const MAX_SUBJECT_LENGTH = 64;

export interface CreationBudgets {
  /** Per caller, subject and mutation, per day (GATEWAY_CREATE_BUDGET_PER_DAY). */
  perDay: number;
  /** Per-mutation overrides (GATEWAY_CREATE_BUDGETS, e.g. `issueTaxClearance=10,applyFor=5`). */
  byMutation: Readonly<Record<string, number>>;
}

const creatingNames = () => [...CREATING_MUTATIONS].flatMap(([name, subject]) => (subject === null ? [] : [name]));

/** The schema of GATEWAY_CREATE_BUDGETS: `<mutation>=<per day>` by commas, each a mutation that creates something. */
export const createBudgetsSetting = z.string().transform((text, context): Record<string, number> => {
  const budgets: Record<string, number> = {};
  for (const entry of text.split(',').map((part) => part.trim())) {
    const match = /^([_A-Za-z][_0-9A-Za-z]*)\s*=\s*([1-9][0-9]{0,8})$/.exec(entry);
    if (!match) {
      context.addIssue({ code: 'custom', message: `needs <mutation>=<whole number from 1> by commas, not "${entry}"` });
      return z.NEVER;
    }
    const [, name, count] = match as unknown as [string, string, string];
    if (!creatingNames().includes(name)) {
      context.addIssue({
        code: 'custom',
        message: `names ${name}, which is no mutation that creates something (${creatingNames().join(', ')})`,
      });
      return z.NEVER;
    }
    budgets[name] = Number(count);
  }
  return budgets;
});

/** The budgets from the given variables (README, "Ports and settings"), for readGatewayConfig, which reads them once at start. */
export function creationBudgetsFromEnvironment(env: Readonly<Record<string, string | undefined>>): CreationBudgets {
  const perDay = env.GATEWAY_CREATE_BUDGET_PER_DAY?.trim();
  const byMutation = env.GATEWAY_CREATE_BUDGETS?.trim();
  if (perDay && !/^[1-9][0-9]{0,8}$/.test(perDay))
    throw new Error(`GATEWAY_CREATE_BUDGET_PER_DAY must be a whole number from 1, not "${perDay.slice(0, 40)}".`);
  const parsed = byMutation ? createBudgetsSetting.safeParse(byMutation) : null;
  if (parsed && !parsed.success) throw new Error(`GATEWAY_CREATE_BUDGETS ${parsed.error.issues[0]?.message}.`);
  return { perDay: perDay ? Number(perDay) : CREATE_BUDGET_PER_DAY, byMutation: parsed?.data ?? {} };
}

export interface LimitCreationsOptions<TContext> {
  budgets: CreationBudgets;
  /**
   * A counter in the caller limits' store (gateway/limitCallers.ts: Redis when REDIS_URL is set,
   * so every replica counts the same; memory otherwise), made once per mutation on first use.
   */
  counter(name: string, points: number, seconds: number): RateLimiterAbstract;
  /** Who is asking: the caller's rate-limit key (its kind and `sub`, or its address). */
  callerOf(context: TContext): string;
}

/** One root field of the operation that creates something: where its answer goes and whose budget it spends. */
interface Creation {
  responseKey: string;
  mutation: string;
  budgetKey: string;
}

/**
 * Mutations that create something have a budget of their own per caller, subject and day (issue
 * 20, finding 2: 30 aliased `issueTaxClearance` in a request made 1,560 certificates in 10 s).
 * Once the operation is known and before anything runs, every distinct root field that creates
 * something (each alias counts; the same response key twice runs once) takes one unit of its
 * budget; over it, the whole operation is refused with CREATION_BUDGET_EXHAUSTED (429,
 * Retry-After) and nothing runs. After it ran, a field that answered null (refused by the policy
 * or the department, a department down) gives its unit back: only what was created counts.
 *
 * Keyed by caller and subject, not by subject alone: the subject is the caller's own argument,
 * and a stranger asking for a company's certificates (refused by the policy, but counted before
 * it runs) must not spend the company's budget, not even for the moment between the count and
 * the refund. A subject's budget is therefore spent only by callers the policy lets issue for it:
 * the subject itself and officers, each within their own budget.
 */
export function limitCreations<TContext extends BaseContext>(
  options: LimitCreationsOptions<TContext>,
): ApolloServerPlugin<TContext> {
  const counters = new Map<string, RateLimiterAbstract>();
  // Which root fields create something depends on the document only: derived once per document.
  const creatingFields = createDocumentCache<CreatingField[]>();
  const budgetOf = (mutation: string) => options.budgets.byMutation[mutation] ?? options.budgets.perDay;
  const counterOf = (mutation: string) => {
    let counter = counters.get(mutation);
    if (!counter) {
      counter = options.counter(`create:${mutation}`, budgetOf(mutation), DAY_S);
      counters.set(mutation, counter);
    }
    return counter;
  };
  const giveBack = (creations: readonly Creation[]) =>
    Promise.all(
      creations.map(({ mutation, budgetKey }) =>
        counterOf(mutation)
          .reward(budgetKey, 1)
          .catch(() => {}),
      ),
    );

  return {
    async requestDidStart({ contextValue }) {
      // What this request took, once taking is done (willSendResponse may come first when another hook refused).
      let taken: Promise<readonly Creation[]> = Promise.resolve([]);
      return {
        async didResolveOperation({ operation, document, request, queryHash }) {
          if (operation?.operation !== 'mutation') return;
          const fields = creatingFields.get({ queryHash, operationName: request.operationName }, () =>
            creatingFieldsOf(operation, document),
          );
          if (fields.length === 0) return;
          const creations = creationsOf(fields, request.variables ?? {}, options.callerOf(contextValue));
          if (creations.length === 0) return;
          taken = take(creations);
          await taken;
        },
        async willSendResponse({ response }) {
          const creations = await taken.catch(() => []);
          const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
          await giveBack(creations.filter(({ responseKey }) => data?.[responseKey] == null));
        },
      };
    },
  };

  /** Takes every creation's unit, or none: over a budget, gives back what it took and refuses the operation. */
  async function take(creations: readonly Creation[]): Promise<readonly Creation[]> {
    const units = new Map<string, { mutation: string; budgetKey: string; count: number }>();
    for (const { mutation, budgetKey } of creations) {
      const entry = units.get(`${mutation} ${budgetKey}`) ?? { mutation, budgetKey, count: 0 };
      entry.count += 1;
      units.set(`${mutation} ${budgetKey}`, entry);
    }
    const groups = [...units.values()];
    const results = await Promise.allSettled(
      groups.map(({ mutation, budgetKey, count }) => counterOf(mutation).consume(budgetKey, count)),
    );
    const refusedAt = results.findIndex((result) => result.status === 'rejected');
    if (refusedAt === -1) return creations;
    // A refused consume counts too (the limiter adds before it compares): every group gives its units back.
    await Promise.all(
      groups.map(({ mutation, budgetKey, count }, index) => {
        const result = results[index]!;
        if (result.status === 'rejected' && !(result.reason instanceof RateLimiterRes)) return undefined;
        return counterOf(mutation)
          .reward(budgetKey, count)
          .catch(() => {});
      }),
    );
    const reason = (results[refusedAt] as PromiseRejectedResult).reason as unknown;
    // A store error is no refusal: it is the gateway's fault, answered as unexpected.
    if (!(reason instanceof RateLimiterRes)) throw reason;
    const { mutation, count } = groups[refusedAt]!;
    const seconds = Math.max(1, Math.ceil(reason.msBeforeNext / 1000));
    const budget = budgetOf(mutation);
    // Held a moment, as limitCallers.ts holds its refusals, so that a client ignoring Retry-After loops slowly.
    await delay(REFUSAL_DELAY_MS);
    throw graphError(
      'CREATION_BUDGET_EXHAUSTED',
      count > budget
        ? `This operation asks for ${mutation} ${count} times about one subject; at most ${budget} a day are run. Nothing was run.`
        : `The budget of ${budget} ${mutation} a day about this subject is used up for this caller; nothing was run. Try again in ${seconds} s.`,
      {
        mutation,
        retryAfter: seconds,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) },
      },
    );
  }
}

/** A root field that creates something, as the document writes it: its subject by variable or literal. */
interface CreatingField {
  responseKey: string;
  mutation: string;
  subject: { variable: string } | { literal: string | undefined };
}

/**
 * The operation's distinct root fields that create something, with fragments at the root
 * expanded: what the document says, the same for every request of it (kept per document).
 */
function creatingFieldsOf(operation: OperationDefinitionNode, document: DocumentNode): CreatingField[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [],
    ),
  );
  const found = new Map<string, CreatingField>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // Validation refuses fragment cycles; a fragment spread twice at the root adds nothing new.
        if (fragment && !visited.has(selection.name.value)) {
          visited.add(selection.name.value);
          visit(fragment);
        }
      } else {
        const mutation = selection.name.value;
        const subjectArgument = CREATING_MUTATIONS.get(mutation);
        const responseKey = selection.alias?.value ?? mutation;
        if (!subjectArgument || found.has(responseKey)) continue;
        const argument = selection.arguments?.find((candidate) => candidate.name.value === subjectArgument)?.value;
        const subject =
          argument?.kind === Kind.VARIABLE
            ? { variable: argument.name.value }
            : { literal: argument?.kind === Kind.STRING || argument?.kind === Kind.INT ? argument.value : undefined };
        found.set(responseKey, { responseKey, mutation, subject });
      }
    }
  };
  visit(operation.selectionSet);
  return [...found.values()];
}

/** This request's creations: each creating field with its subject's value, and whose budget it spends. */
function creationsOf(
  fields: readonly CreatingField[],
  variables: Readonly<Record<string, unknown>>,
  caller: string,
): Creation[] {
  return fields.map(({ responseKey, mutation, subject }) => {
    const value = 'variable' in subject ? variables[subject.variable] : subject.literal;
    const key = String(value ?? '')
      .trim()
      .toUpperCase()
      .slice(0, MAX_SUBJECT_LENGTH);
    return { responseKey, mutation, budgetKey: `${caller}|${key}` };
  });
}
