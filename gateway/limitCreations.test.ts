import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { buildSchema, isNonNullType, type GraphQLObjectType } from 'graphql';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphError } from '../core/index.js';
import {
  CREATE_BUDGET_PER_DAY,
  createBudgetsSetting,
  creationBudgetsFromEnvironment,
  CREATING_MUTATIONS,
  limitCreations,
} from './limitCreations.js';

const USCC = '91330106MA2H2X4K0B';
const OTHER = '91110000100000000X';

describe('the graph’s mutations', () => {
  const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
  const mutations = schema.getMutationType() as GraphQLObjectType;

  it('are each declared as creating something (with its subject argument) or not', () => {
    const undeclared = Object.keys(mutations.getFields()).filter((name) => !CREATING_MUTATIONS.has(name));
    expect(undeclared, 'declare each in gateway/limitCreations.ts: its subject argument, or null').toEqual([]);
    for (const [name, subject] of CREATING_MUTATIONS) {
      if (subject === null) continue;
      const argument = mutations.getFields()[name]?.args.find((candidate) => candidate.name === subject);
      expect(argument && isNonNullType(argument.type), `${name}(${subject}:) is a required argument`).toBe(true);
    }
  });
});

describe('the budget settings', () => {
  it('take a default per day and per-mutation overrides, and refuse what they cannot mean', () => {
    expect(creationBudgetsFromEnvironment({})).toEqual({ perDay: CREATE_BUDGET_PER_DAY, byMutation: {} });
    expect(
      creationBudgetsFromEnvironment({
        GATEWAY_CREATE_BUDGET_PER_DAY: '3',
        GATEWAY_CREATE_BUDGETS: 'issueTaxClearance=10, issueContributionCertificate = 2',
      }),
    ).toEqual({ perDay: 3, byMutation: { issueTaxClearance: 10, issueContributionCertificate: 2 } });
    expect(createBudgetsSetting.safeParse('issueTaxClerance=10').error?.issues[0]?.message).toContain(
      'no mutation that creates something',
    );
    for (const wrong of ['issueTaxClearance', 'issueTaxClearance=0', 'issueTaxClearance=-1', 'a=1;b=2'])
      expect(createBudgetsSetting.safeParse(wrong).success, wrong).toBe(false);
    expect(() => creationBudgetsFromEnvironment({ GATEWAY_CREATE_BUDGET_PER_DAY: 'many' })).toThrow(
      'GATEWAY_CREATE_BUDGET_PER_DAY',
    );
  });
});

describe('a budget for mutations that create something', () => {
  type Context = { caller: string };
  let server: ApolloServer<Context>;
  /** What the resolvers were asked to create, in order. */
  const created: string[] = [];

  beforeAll(async () => {
    const typeDefs = `
      type Query { ping: Boolean }
      type Certificate { serial: ID }
      type Mutation {
        issueTaxClearance(uscc: ID!, renew: Boolean = false): Certificate
        issueContributionCertificate(id: ID!, year: Int!): Certificate
        ping(uscc: ID!): Boolean
      }`;
    server = new ApolloServer<Context>({
      typeDefs,
      resolvers: {
        Mutation: {
          issueTaxClearance: (_root: unknown, { uscc }: { uscc: string }) => {
            // The department refuses a subject it does not know: null with an error.
            if (uscc === OTHER) throw graphError('CERTIFICATE_REFUSED', 'unknown');
            created.push(uscc);
            return { serial: `tax-${created.length}` };
          },
          issueContributionCertificate: (_root: unknown, { id }: { id: string }) => {
            created.push(id);
            return { serial: `social-${created.length}` };
          },
          ping: () => true,
        },
      },
      plugins: [
        limitCreations<Context>({
          budgets: { perDay: 3, byMutation: { issueContributionCertificate: 1 } },
          counter: (name, points, seconds) => new RateLimiterMemory({ keyPrefix: name, points, duration: seconds }),
          callerOf: (context) => context.caller,
        }),
      ],
    });
    await server.start();
  });
  afterAll(async () => server?.stop());

  async function run(query: string, caller = `company:${USCC}`, variables: Record<string, unknown> = {}) {
    const before = created.length;
    const response = await server.executeOperation({ query, variables }, { contextValue: { caller } });
    if (response.body.kind !== 'single') throw new Error('a single result was expected');
    const { data, errors } = response.body.singleResult;
    return {
      status: response.http.status ?? 200,
      retryAfter: response.http.headers.get('retry-after'),
      data,
      code: errors?.[0]?.extensions?.code,
      message: errors?.[0]?.message,
      created: created.length - before,
    };
  }
  const aliases = (count: number, uscc = USCC) =>
    `mutation { ${Array.from({ length: count }, (_, index) => `a${index}: issueTaxClearance(uscc: "${uscc}", renew: true) { serial }`).join(' ')} }`;

  it('counts every alias, refuses the whole operation over the budget with 429 and Retry-After, and runs none of it', async () => {
    const caller = 'company:aliases';
    const thirty = await run(aliases(30), caller);
    expect(thirty).toMatchObject({ status: 429, code: 'CREATION_BUDGET_EXHAUSTED', created: 0 });
    expect(Number(thirty.retryAfter)).toBeGreaterThan(0);
    expect(thirty.message).toContain('at most 3 a day');
    expect(await run(aliases(2), caller)).toMatchObject({ status: 200, created: 2 });
    // One left: two more are refused together, one is run.
    expect(await run(aliases(2), caller)).toMatchObject({ status: 429, created: 0 });
    expect(await run(aliases(1), caller)).toMatchObject({ status: 200, created: 1 });
    const spent = await run(aliases(1), caller);
    expect(spent).toMatchObject({ status: 429, code: 'CREATION_BUDGET_EXHAUSTED', created: 0 });
    expect(spent.message).toContain('used up');
  });

  it('counts a field repeated under one response key once, and fields in fragments and in variables', async () => {
    const caller = 'company:fragments';
    const query = `mutation Clear($uscc: ID!) {
      issueTaxClearance(uscc: $uscc) { serial }
      issueTaxClearance(uscc: $uscc) { serial }
      ... on Mutation { b: issueTaxClearance(uscc: $uscc) { serial } }
      ...More
    }
    fragment More on Mutation { c: issueTaxClearance(uscc: "${USCC.toLowerCase()}") { serial } }`;
    expect(await run(query, caller, { uscc: USCC })).toMatchObject({ status: 200, created: 3 });
    // The lower-case spelling was the same subject: its budget of 3 is spent.
    expect(await run(aliases(1), caller)).toMatchObject({ status: 429 });
  });

  it('keeps one budget per caller, subject and mutation, and leaves other mutations alone', async () => {
    const caller = 'company:separate';
    expect(await run(aliases(3), caller)).toMatchObject({ status: 200, created: 3 });
    expect(await run(aliases(1), caller)).toMatchObject({ status: 429 });
    // Another subject, another caller about the same subject, another mutation: untouched.
    expect(await run(aliases(1, '91330100MA27XYZ12P'), caller)).toMatchObject({ status: 200, created: 1 });
    expect(await run(aliases(1), 'tax-officer:someone')).toMatchObject({ status: 200, created: 1 });
    const contribution = 'mutation { issueContributionCertificate(id: "330106199001011234", year: 2025) { serial } }';
    expect(await run(contribution, caller)).toMatchObject({ status: 200, created: 1 });
    expect(await run(contribution, caller)).toMatchObject({ status: 429, code: 'CREATION_BUDGET_EXHAUSTED' });
    for (let index = 0; index < 5; index++)
      expect(await run(`mutation { ping(uscc: "${USCC}") }`, caller)).toMatchObject({ status: 200 });
  });

  it('gives back the unit of a creation that answered null, so that only what was created counts', async () => {
    const caller = 'company:refused';
    for (let index = 0; index < 5; index++) {
      expect(await run(aliases(2, OTHER), caller)).toMatchObject({ status: 200, code: 'CERTIFICATE_REFUSED' });
    }
    const refusedBudget = await run(aliases(3, OTHER), caller);
    expect(refusedBudget.status).toBe(200);
    expect(refusedBudget.code).toBe('CERTIFICATE_REFUSED');
  });
});
