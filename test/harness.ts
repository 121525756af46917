import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { startGateway } from '../gateway/server.js';
import type { Faults, RunningLegacyServer, StatsSnapshot } from '../legacy-mocks/common/index.js';
import { loadDataSet, type DataSet } from '../legacy-mocks/data/index.js';
import { startMarketMock } from '../legacy-mocks/market/index.js';
import { startSocialMock } from '../legacy-mocks/social/index.js';
import { startTaxMock } from '../legacy-mocks/tax/index.js';
import type { RunningServer } from '../subgraphs/kit/index.js';
import { startMarketSubgraph } from '../subgraphs/market/server.js';
import { startSocialSubgraph } from '../subgraphs/social/server.js';
import { startTaxSubgraph } from '../subgraphs/tax/server.js';

export type DepartmentName = 'market' | 'tax' | 'social';

export interface GraphResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
  headers: Headers;
}

export interface Stack {
  dataSet: DataSet;
  gatewayUrl: string;
  legacy: Record<DepartmentName, RunningLegacyServer>;
  subgraphs: Record<DepartmentName, RunningServer>;
  /** Sends one operation to the gateway over HTTP, as a portal does. */
  query<TData, TVariables>(document: TypedDocumentNode<TData, TVariables> | DocumentNode | string, variables?: TVariables, headers?: Record<string, string>): Promise<GraphResponse<TData>>;
  /** Legacy calls counted by each system's own /__admin/stats. */
  legacyStats(): Promise<Record<DepartmentName, StatsSnapshot>>;
  /** Zeroes the counters and clears the faults of every legacy system. */
  resetLegacy(): Promise<void>;
  setFaults(department: DepartmentName, faults: Partial<Faults>): Promise<void>;
  close(): Promise<void>;
}

const DEPARTMENTS: readonly DepartmentName[] = ['market', 'tax', 'social'];

/**
 * The whole stack on ephemeral loopback ports, as `npm start` runs it but in this process:
 * real legacy servers, real subgraphs over HTTP, the gateway over HTTP.
 */
export async function startStack(options: { legacyTimeoutMs?: number } = {}): Promise<Stack> {
  const dataSet = loadDataSet();
  const started: Array<{ close(): Promise<void> }> = [];
  try {
    const [market, tax, social] = await Promise.all([startMarketMock({ dataSet }), startTaxMock({ dataSet }), startSocialMock({ dataSet })]);
    started.push(market, tax, social);
    const legacy = { market, tax, social };
    const timeout = options.legacyTimeoutMs;
    const subgraphs = {
      market: await startMarketSubgraph({ legacyUrl: market.url, legacyTimeoutMs: timeout }),
      tax: await startTaxSubgraph({ legacyUrl: tax.url, legacyTimeoutMs: timeout }),
      social: await startSocialSubgraph({ legacyUrl: social.url, legacyTimeoutMs: timeout }),
    };
    started.push(...Object.values(subgraphs));
    const gateway = await startGateway({
      supergraphSdl: readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'),
      subgraphUrls: Object.fromEntries(DEPARTMENTS.map((name) => [name, `${subgraphs[name].url}/graphql`])),
    });
    started.push(gateway);

    const admin = async (department: DepartmentName, path: string, init?: RequestInit) => {
      const response = await fetch(`${legacy[department].url}${path}`, init);
      if (!response.ok) throw new Error(`${department} ${path}: HTTP ${response.status}`);
      return response.json();
    };
    return {
      dataSet,
      gatewayUrl: gateway.url,
      legacy,
      subgraphs,
      async query(document, variables, headers = {}) {
        const query = typeof document === 'string' ? document : print(document);
        const response = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as Omit<GraphResponse<never>, 'status' | 'headers'>;
        return { ...body, status: response.status, headers: response.headers } as GraphResponse<never>;
      },
      async legacyStats() {
        const entries = await Promise.all(DEPARTMENTS.map(async (name) => [name, (await admin(name, '/__admin/stats')) as StatsSnapshot] as const));
        return Object.fromEntries(entries) as Record<DepartmentName, StatsSnapshot>;
      },
      async resetLegacy() {
        await Promise.all(DEPARTMENTS.map((name) => admin(name, '/__admin/reset', { method: 'POST' })));
      },
      async setFaults(department, faults) {
        await admin(department, '/__admin/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
      },
      async close() {
        await Promise.all(started.reverse().map((server) => server.close()));
      },
    };
  } catch (error) {
    await Promise.allSettled(started.map((server) => server.close()));
    throw error;
  }
}
