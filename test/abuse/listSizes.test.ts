import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_PRIVACY_DIR } from '../../core/repositoryRoot.js';
import { Kind, parse } from 'graphql';
import { createLocalJWKSet, exportJWK } from 'jose';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/operations/index.js';
import { DEFAULT_QUERY_LIMITS } from '../../gateway/limits.js';
import { readCostDirectives } from '../../gateway/readCostDirectives.js';
import { startGateway } from '../../gateway/server.js';
import { readSubgraphSdl, SUBGRAPHS } from '../../gateway/subgraphList.js';
import { MAX_ACCESS_LOG_PAGE } from '../../subgraphs/kit/index.js';
import { MAX_FILINGS_PER_YEAR } from '../../subgraphs/tax/legacy/taxClient.js';
import { startStack, TEST_AUDIENCE, TEST_ISSUER, type GraphResponse, type Stack } from '../harness.js';

/**
 * Issue 20, finding 5: `monthlyContributions(from, to)` was costed as 20 items but returns up to
 * 600 months, so 30 aliases over fifty years (7,770 months, 345 KB) passed as cheap. Every list
 * now declares its size in its subgraph's schema (`@listSize`), and the cost model reads it.
 */
const SUPERGRAPH = readFileSync(new URL('../../supergraph.graphql', import.meta.url), 'utf8');
const { listSizes } = readCostDirectives(SUPERGRAPH);
/** The longest range monthlyContributions answers: 1976-11 to 2026-10, the data set's last month. */
const FIFTY_YEARS = { from: '1976-11', to: '2026-10' };
const MONTH_FIELDS = 'period base personalAmount employerAmount';

let stack: Stack;
let citizen: string;

beforeAll(async () => {
  stack = await startStack();
  citizen = stack.dataSet.fixtures.multiRepresentative;
});
afterAll(async () => {
  await stack?.close();
});

const asCitizen = () => ({ as: { kind: 'person' as const, sub: citizen } });

function monthsQuery(aliases: number, range: { from: string; to: string } = FIFTY_YEARS): string {
  const fields = Array.from(
    { length: aliases },
    (_, i) => `m${i}: monthlyContributions(from: "${range.from}", to: "${range.to}") { ${MONTH_FIELDS} }`,
  );
  return `{ me { socialSecurity { ${fields.join(' ')} } } }`;
}

function codesOf(response: GraphResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

describe('a bounded list, costed at its declared size', () => {
  it('refuses 30 aliases of monthlyContributions over fifty years as too costly, asking no department', async () => {
    await stack.resetLegacy();
    const response = await stack.query(monthsQuery(30), undefined, asCitizen());
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(['QUERY_TOO_COSTLY']);
    // 30 × 600 months × (1 + 4 fields), where the old model saw 30 × 20 × 5.
    expect(response.errors![0]!.message).toMatch(/found 90002/);
    const stats = await stack.legacyStats();
    expect(stats.market.total + stats.tax.total + stats.social.total).toBe(0);
  });

  it('answers one range at its longest, within the limit and never longer than declared', async () => {
    const response = await stack.query<{ me: { socialSecurity: { m0: unknown[] } } }, never>(
      monthsQuery(1),
      undefined,
      asCitizen(),
    );
    expect(response.errors).toBeUndefined();
    const months = response.data!.me.socialSecurity.m0;
    expect(months.length).toBeGreaterThan(0);
    expect(months.length).toBeLessThanOrEqual(
      listSizes.get('SocialSecurityAccount.monthlyContributions')!.assumedSize!,
    );
    const declared = listSizes.get('SocialSecurityAccount.monthlyContributions')!.assumedSize!;
    expect(declared * (1 + MONTH_FIELDS.split(' ').length)).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost);
  });

  it('refuses a range one month longer than declared with BAD_USER_INPUT', async () => {
    const response = await stack.query(monthsQuery(1, { ...FIFTY_YEARS, from: '1976-10' }), undefined, asCitizen());
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.message).toMatch(/at most 600 months/);
  });
});

describe('the declared sizes', () => {
  it("are the bounds each department's resolvers enforce", () => {
    // Social's resolvers read the longest range from this very declaration (core/paging/largestListOf.ts).
    expect(listSizes.get('SocialSecurityAccount.monthlyContributions')?.assumedSize).toBe(600);
    expect(listSizes.get('SocialSecurityAccount.contributions')?.assumedSize).toBe(600);
    expect(listSizes.get('TaxProfile.filings')?.assumedSize).toBe(MAX_FILINGS_PER_YEAR);
    // The market's largest page: its resolvers read this very declaration (core/paging/pageBoundsOf.ts).
    expect(listSizes.get('ShareholdingPage.holdings')?.assumedSize).toBe(100);
    expect(listSizes.get('DataAccessPage.accesses')?.assumedSize).toBe(MAX_ACCESS_LOG_PAGE);
  });

  it("hold every field one department's access record can list for a subject", () => {
    // A record lists each field it gave a subject at most once (kit's AccessCollector), and only
    // protected fields are given to a subject: a public one is nobody's data and is not recorded,
    // a field without a rule is refused. So the bound is each department's protected fields.
    const declared = listSizes.get('DataAccess.fields')!.assumedSize!;
    for (const subgraph of SUBGRAPHS) {
      const definedFields = new Set<string>();
      for (const definition of parse(readSubgraphSdl(subgraph)).definitions)
        if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION)
          for (const field of definition.fields ?? [])
            definedFields.add(`${definition.name.value}.${field.name.value}`);
      const policy = parseYaml(readFileSync(join(DEFAULT_PRIVACY_DIR, `${subgraph.name}.yaml`), 'utf8')) as {
        types: Record<string, Record<string, unknown>>;
      };
      const protectedFields = Object.entries(policy.types).flatMap(([type, fields]) =>
        Object.entries(fields).flatMap(([field, rule]) =>
          rule !== 'public' && definedFields.has(`${type}.${field}`) ? [`${type}.${field}`] : [],
        ),
      );
      expect(protectedFields.length, subgraph.name).toBeGreaterThan(0);
      expect(protectedFields.length, subgraph.name).toBeLessThanOrEqual(declared);
    }
  });
});

describe('a supergraph with a list of unknown size', () => {
  it('does not start a gateway, and names the list', async () => {
    const unsized = SUPERGRAPH.replace(
      /(monthlyContributions\([^)]*\): \[Contribution!\][^\n]*?) @listSize\([^)]*\)/,
      '$1',
    );
    expect(unsized).not.toBe(SUPERGRAPH);
    const { d: _private, ...publicJwk } = await exportJWK(stack.issuerKey);
    const starting = startGateway({
      identity: { keys: createLocalJWKSet({ keys: [publicJwk] }), issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
      signingKey: { key: stack.gatewayKeys.privateKey },
      logger: createLogger('gateway', { write: () => undefined } as unknown as DestinationStream),
      supergraphSdl: unsized,
      port: 0,
    });
    await expect(starting).rejects.toThrow(
      /SocialSecurityAccount\.monthlyContributions is a list of Contribution with no @listSize/,
    );
  });
});
