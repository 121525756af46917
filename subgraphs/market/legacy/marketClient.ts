import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import * as soap from 'soap';
import type { z } from 'zod';
import { chunk } from '../../kit/chunk.js';
import { canonicalId, departmentUnavailable, isValidResidentId, isValidUscc } from '../../kit/index.js';
import { requestIdHeader } from '../../kit/requestScope.js';
import { createLegacyGuard, type LegacyGuard, type LegacyGuardState } from '../../kit/resilience/index.js';
import type { CompanyRecord } from './CompanyRecord.js';
import { gdxxListSchema, qyxxListSchema, searchPageSchema } from './registrySchemas.js';
import type { ShareholdingRecord } from './ShareholdingRecord.js';
import { toCompanyRecord } from './toCompanyRecord.js';
import { toMarketUnavailable } from './toMarketUnavailable.js';
import { toShareholdingRecord } from './toShareholdingRecord.js';

/** 批量查询上限: the registry refuses more codes per request (fault E1004), so batches are chunked here. */
export const MARKET_BATCH_MAXIMUM = 100;
/** The registry's largest search page (mys). */
const SEARCH_PAGE_MAXIMUM = 50;
/** Where the registry serves its SOAP endpoint; the WSDL is at ?wsdl. */
const REGISTRY_PATH = '/registry';

export interface MarketClientOptions {
  /** The registry's base URL, e.g. http://127.0.0.1:5001. */
  url: string;
  /**
   * The deadline of each attempt at a call, WSDL load included, for the default guard (which
   * otherwise reads MARKET_LEGACY_TIMEOUT_MS or LEGACY_TIMEOUT_MS); ignored when `guard` is given.
   */
  timeoutMs?: number;
  /** Timeouts, retries, circuit breaker and bulkhead around every call; by default one built from the environment. */
  guard?: LegacyGuard;
}

/**
 * The market subgraph's client of the enterprise registry (SOAP, legacy-mocks/market/README.md).
 * The only code that knows the registry's URL, operations and field names; everything it returns
 * is in graph terms, and everything that goes wrong becomes DEPARTMENT_UNAVAILABLE for 'market'.
 * Create one per process: it keeps connections alive and loads the WSDL once, on first use (a
 * registry that is down at start costs that call, and the next call tries again). Every request
 * goes through its guard (kit/resilience), which owns the timeouts and retries.
 *
 * Maps are keyed by the keys exactly as given. Keys that are not valid codes cannot exist, so they
 * are not sent: they are answered like unknown ones, which keeps one bad key from failing a batch.
 */
export class MarketClient {
  readonly #url: string;
  readonly #guard: LegacyGuard;
  readonly #http: AxiosInstance;
  readonly #agents: readonly (http.Agent | https.Agent)[];
  #soap: Promise<soap.Client> | null = null;

  constructor(options: MarketClientOptions) {
    this.#url = options.url.replace(/\/+$/, '');
    this.#guard = options.guard ?? createLegacyGuard('market', { timeoutMs: options.timeoutMs });
    const agentOptions = { keepAlive: true, maxSockets: 32 };
    const httpAgent = new http.Agent(agentOptions);
    const httpsAgent = new https.Agent(agentOptions);
    this.#agents = [httpAgent, httpsAgent];
    this.#http = axios.create({ httpAgent, httpsAgent });
  }

  /** The circuit and the calls in flight and queued, for health checks and metrics. */
  guardState(): LegacyGuardState {
    return this.#guard.state();
  }

  /** Ends the kept-alive connections; for shutdown. Calls after close open new ones. */
  close(): void {
    for (const agent of this.#agents) agent.destroy();
  }

  /** Companies by USCC (queryQyjbxx); unknown USCCs are absent. */
  async getCompanies(usccs: readonly string[]): Promise<Map<string, CompanyRecord>> {
    const found = await this.#batch(usccs, isValidUscc, async (chunk) => {
      const answer = this.#read(qyxxListSchema, await this.#call('queryQyjbxx', { tyshxydm: chunk }), (page) => page.qyxx.map(toCompanyRecord));
      return new Map(answer.map((company) => [company.uscc, company]));
    });
    return keyedAsGiven(usccs, found);
  }

  /**
   * Companies whose name contains `keyword` (searchQyjbxx), in the registry's order: pages through
   * the search until `first` are found or there are no more. A blank keyword finds nothing.
   */
  async searchCompanies(keyword: string, first: number): Promise<CompanyRecord[]> {
    const qymc = keyword.trim();
    if (qymc === '' || !(first >= 1)) return [];
    const pageSize = Math.min(Math.floor(first), SEARCH_PAGE_MAXIMUM);
    const found: CompanyRecord[] = [];
    for (let page = 1; found.length < first; page++) {
      const answer = this.#read(searchPageSchema, await this.#call('searchQyjbxx', { qymc, ym: page, mys: pageSize }), (result) => ({
        total: result.zjls,
        companies: result.qyxx.map(toCompanyRecord),
      }));
      found.push(...answer.companies);
      if (answer.companies.length < pageSize || page * pageSize >= answer.total) break;
    }
    return found.slice(0, first);
  }

  /** The companies each person represents (queryQyjbxxByFddbr); every requested id is present, [] when none. */
  async companiesByLegalRepresentatives(personIds: readonly string[]): Promise<Map<string, CompanyRecord[]>> {
    const found = await this.#batch(personIds, isValidResidentId, async (chunk) => {
      const companies = this.#read(qyxxListSchema, await this.#call('queryQyjbxxByFddbr', { fddbrzjhm: chunk }), (page) => page.qyxx.map(toCompanyRecord));
      return groupBy(companies, (company) => company.legalRepresentativeId);
    });
    return listsForAll(personIds, found);
  }

  /** Every shareholding in each company (queryGdxx), however many; every requested USCC is present, [] when none. */
  async shareholdersOf(usccs: readonly string[]): Promise<Map<string, ShareholdingRecord[]>> {
    const found = await this.#batch(usccs, isValidUscc, async (chunk) => {
      const holdings = this.#read(gdxxListSchema, await this.#call('queryGdxx', { tyshxydm: chunk }), (page) => page.gdxx.map(toShareholdingRecord));
      return groupBy(holdings, (holding) => holding.companyUscc);
    });
    return listsForAll(usccs, found);
  }

  /** Every shareholding each person holds (queryDwtzxx); every requested id is present, [] when none. */
  async shareholdingsOf(personIds: readonly string[]): Promise<Map<string, ShareholdingRecord[]>> {
    const found = await this.#batch(personIds, isValidResidentId, async (chunk) => {
      const holdings = this.#read(gdxxListSchema, await this.#call('queryDwtzxx', { zjhm: chunk }), (page) => page.gdxx.map(toShareholdingRecord));
      return groupBy(holdings, (holding) => holding.holderId);
    });
    return listsForAll(personIds, found);
  }

  /** De-duplicates valid keys in canonical form, sends them in chunks of the batch maximum at once, merges the answers. */
  async #batch<T>(keys: readonly string[], isValid: (key: string) => boolean, fetchChunk: (chunk: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>> {
    const canonical = [...new Set(keys.filter((key) => typeof key === 'string' && isValid(key)).map(canonicalId))];
    const answers = await Promise.all(chunk(canonical, MARKET_BATCH_MAXIMUM).map(fetchChunk));
    return new Map(answers.flatMap((answer) => [...answer]));
  }

  /** Checks an answer against its schema and translates it; anything that does not fit is a malformed answer. */
  #read<S extends z.ZodType, R>(schema: S, answer: unknown, translate: (checked: z.infer<S>) => R): R {
    try {
      return translate(schema.parse(answer));
    } catch (error) {
      throw departmentUnavailable('market', 'malformed', error);
    }
  }

  /**
   * One registry operation through the guard; the guard aborts `signal` when an attempt's time is
   * up, so an aborted request reads as a timeout.
   */
  async #call(operation: string, args: object): Promise<unknown> {
    const client = await this.#client();
    return this.#guard.run(operation, async (signal) => {
      try {
        return await new Promise<unknown>((resolve, reject) => {
          const method: unknown = client[operation];
          if (typeof method !== 'function') return reject(new Error('the registry WSDL lacks an operation this client uses'));
          // The request id goes with the call, so the registry's logs match ours.
          method.call(client, args, (error: unknown, result: unknown) => (error ? reject(error) : resolve(result)), { signal }, requestIdHeader());
        });
      } catch (error) {
        throw toMarketUnavailable(error, signal.aborted);
      } finally {
        forgetLastExchange(client);
      }
    });
  }

  /**
   * The SOAP client, built once from the registry's WSDL (a guarded call of its own, shared by
   * the calls waiting for it); a failed build is forgotten so the next call tries again.
   */
  #client(): Promise<soap.Client> {
    this.#soap ??= this.#guard.run('wsdl', (signal) => this.#createClient(signal)).catch((error: unknown) => {
      this.#soap = null;
      throw error;
    });
    return this.#soap;
  }

  async #createClient(signal: AbortSignal): Promise<soap.Client> {
    try {
      return await soap.createClientAsync(`${this.#url}${REGISTRY_PATH}?wsdl`, {
        // The WSDL's soap:address names the registry's production host; calls go where we were told.
        endpoint: `${this.#url}${REGISTRY_PATH}`,
        // The same axios, seen through soap's CommonJS typings.
        request: this.#http as unknown as soap.IOptions['request'],
        disableCache: true,
        wsdl_options: { signal },
      });
    } catch (error) {
      throw departmentUnavailable('market', signal.aborted ? 'timeout' : 'unreachable', error);
    }
  }
}

/**
 * The `soap` client keeps the last request and response on itself for debugging; they hold
 * personal data, and the client lives as long as the process, so they are dropped after each call.
 */
function forgetLastExchange(client: soap.Client): void {
  client.lastRequest = undefined;
  client.lastMessage = undefined;
  client.lastResponse = undefined;
  client.lastResponseHeaders = undefined;
  client.lastRequestHeaders = undefined;
}

function keyedAsGiven<T>(keys: readonly string[], found: ReadonlyMap<string, T>): Map<string, T> {
  const result = new Map<string, T>();
  for (const key of keys) {
    const value = typeof key === 'string' ? found.get(canonicalId(key)) : undefined;
    if (value !== undefined) result.set(key, value);
  }
  return result;
}

function listsForAll<T>(keys: readonly string[], found: ReadonlyMap<string, T[]>): Map<string, T[]> {
  return new Map(keys.map((key) => [key, [...(found.get(typeof key === 'string' ? canonicalId(key) : '') ?? [])]]));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
