import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { chunk } from '../../kit/chunk.js';
import { canonicalId, isValidResidentId, isValidUscc } from '../../kit/ids.js';
import { requestIdHeader } from '../../kit/requestScope.js';
import { createLegacyGuard, type LegacyGuard, type LegacyGuardState } from '../../kit/resilience/index.js';
import { comparePeriods } from './comparePeriods.js';
import { readTaxEnvelope } from './readTaxEnvelope.js';
import { TaxAnswerError } from './TaxAnswerError.js';
import { toIncomeTaxReturnRecord, type IncomeTaxReturnRecord } from './toIncomeTaxReturnRecord.js';
import { toTaxFilingRecord, type TaxFilingRecord } from './toTaxFilingRecord.js';
import { toTaxProfileRecord, type TaxProfileRecord } from './toTaxProfileRecord.js';
import { toTaxUnavailable } from './toTaxUnavailable.js';

/** The most entries the bureau takes in one batch query (nsrsbhList, cxtjList). */
export const TAX_BATCH_MAXIMUM = 100;

/** The bureau's interface: paths, header, and the result codes the client acts on. */
const PATHS = { taxpayers: '/api/nsrxx/plcx', filings: '/api/sbxx/cx', incomeTaxReturns: '/api/grsds/hsqj/plcx' } as const;
const API_KEY_HEADER = 'X-Api-Key';
const DEV_API_KEY = 'dev-tax-api-key';
const SUCCESS = '0000';
const TAXPAYER_NOT_FOUND = '3001';
/** The bureau keeps tax years 1994 (when it went live) to 2099 and refuses any other nd. */
const FIRST_YEAR = 1994;
const LAST_YEAR = 2099;
/** The largest page the filings query serves. */
const FILINGS_PAGE_SIZE = 100;
/** A company files about 30 returns a year; a total needing more pages than this is not believable. */
const MAX_FILING_PAGES = 20;
/** Connections kept open to the bureau: enough for the loaders, few enough for an old system. */
const MAX_SOCKETS = 50;
/** Far above the largest real answer (100 entries, about 20 KiB). */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

const TaxpayersData = z.object({ nsrxxList: z.array(z.unknown()) });
const FilingsData = z.object({ total: z.number().int().nonnegative(), sbxxList: z.array(z.unknown()).max(FILINGS_PAGE_SIZE) });
const IncomeTaxReturnsData = z.object({ hsqjList: z.array(z.unknown()) });

export interface TaxClientOptions {
  /** The tax system's root, e.g. http://127.0.0.1:5002. */
  baseUrl: string;
  /** Default TAX_LEGACY_API_KEY from the environment, else the development key. */
  apiKey?: string | undefined;
  /**
   * The deadline of each attempt at a call, the wait for a connection included, for the default
   * guard (which otherwise reads TAX_LEGACY_TIMEOUT_MS or LEGACY_TIMEOUT_MS, default 5000);
   * ignored when `guard` is given.
   */
  timeoutMs?: number | undefined;
  /** Timeouts, retries, circuit breaker and bulkhead around every call; by default one built from the environment. */
  guard?: LegacyGuard | undefined;
}

/**
 * The tax subgraph's client of the tax bureau's legacy REST/JSON system (legacy-mocks/tax/README.md).
 * It is the one place that knows the bureau's URL, credentials and field names; it answers in
 * graph records and fails only with DEPARTMENT_UNAVAILABLE (department 'tax'). Create one per
 * process: it keeps its connections alive, and its guard (kit/resilience) counts every call.
 *
 * Keys the bureau could not hold (a malformed USCC or resident ID, a year outside 1994-2099)
 * are answered here as unknown, without a call: the bureau would refuse the whole batch for one
 * of them. Checking input for the caller is the resolvers' job (BAD_USER_INPUT).
 */
export class TaxClient {
  readonly #http: AxiosInstance;
  readonly #httpAgent: HttpAgent;
  readonly #httpsAgent: HttpsAgent;
  readonly #guard: LegacyGuard;

  constructor(options: TaxClientOptions) {
    this.#guard = options.guard ?? createLegacyGuard('tax', { timeoutMs: options.timeoutMs });
    this.#httpAgent = new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
    this.#httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS });
    this.#http = axios.create({
      baseURL: options.baseUrl,
      headers: { [API_KEY_HEADER]: options.apiKey || process.env.TAX_LEGACY_API_KEY || DEV_API_KEY, Accept: 'application/json' },
      // No axios timeout: the guard's per-attempt deadline aborts the whole request, connection included.
      httpAgent: this.#httpAgent,
      httpsAgent: this.#httpsAgent,
      // The body is parsed here, so that a cut-short answer is 'malformed' rather than a string.
      responseType: 'text',
      // Every status is read here and mapped by toTaxUnavailable.
      validateStatus: () => true,
      maxContentLength: MAX_ANSWER_BYTES,
      maxRedirects: 0,
      // The bureau sits on the government network: an HTTP_PROXY of the host must not reroute personal data.
      proxy: false,
    });
  }

  /** Company.tax: the tax profiles of these companies, keyed by the USCC as given; unknown companies are absent. */
  async getTaxProfiles(usccs: readonly string[]): Promise<Map<string, TaxProfileRecord>> {
    const keysByUscc = groupKeys(usccs, (uscc) => (isValidUscc(uscc) ? canonicalId(uscc) : null));
    const answers = await Promise.all(chunk([...keysByUscc.keys()], TAX_BATCH_MAXIMUM).map((nsrsbhList) => this.#call('taxpayers', { method: 'POST', data: { nsrsbhList } })));
    return interpret(() => {
      const profiles = new Map<string, TaxProfileRecord>();
      for (const data of answers) {
        for (const entry of TaxpayersData.parse(data).nsrxxList) {
          const profile = toTaxProfileRecord(entry);
          for (const key of keysAskedFor(keysByUscc, profile.uscc)) profiles.set(key, profile);
        }
      }
      return profiles;
    });
  }

  /** TaxProfile.filings: one company's returns of one year, all pages, in period order; [] for an unknown company. */
  async getFilings(uscc: string, year: number): Promise<TaxFilingRecord[]> {
    if (!isValidUscc(uscc) || !isTaxYear(year)) return [];
    const page = (pageNo: number, notFound: boolean) =>
      this.#call('filings', { method: 'GET', params: { nsrsbh: canonicalId(uscc), nd: String(year), pageNo, pageSize: FILINGS_PAGE_SIZE } }, notFound);
    const first = await page(1, true);
    if (first === NOT_FOUND) return [];
    const { total } = interpret(() => FilingsData.parse(first));
    const pageCount = Math.ceil(total / FILINGS_PAGE_SIZE);
    if (pageCount > MAX_FILING_PAGES) throw toTaxUnavailable(new TaxAnswerError('format', 200, { legacyMessage: 'implausible filings total' }));
    const rest = await Promise.all(Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => page(index + 2, false)));
    return interpret(() => {
      const pages = [first, ...rest].map((data) => FilingsData.parse(data));
      const entries = pages.flatMap((answer) => answer.sbxxList);
      // Pages that disagree on the total, or do not add up to it, are not one consistent list.
      if (pages.some((answer) => answer.total !== total) || entries.length !== total) throw new RangeError('the pages do not add up to the total');
      // Array.prototype.sort is stable: returns of the same period keep the bureau's order.
      return entries.map(toTaxFilingRecord).sort((a, b) => comparePeriods(a.period, b.period));
    });
  }

  /** Person.incomeTax: annual reconciliations keyed `${personId}:${year}` as given; pairs without a return are absent. */
  async getIncomeTaxReturns(keys: ReadonlyArray<{ personId: string; year: number }>): Promise<Map<string, IncomeTaxReturnRecord>> {
    const keysByPair = new Map<string, string[]>();
    const pairs = new Map<string, { sfzjhm: string; nd: string }>();
    for (const { personId, year } of keys) {
      if (!isValidResidentId(personId) || !isTaxYear(year)) continue;
      const pair = `${canonicalId(personId)}:${year}`;
      pairs.set(pair, { sfzjhm: canonicalId(personId), nd: String(year) });
      pushTo(keysByPair, pair, `${personId}:${year}`);
    }
    const answers = await Promise.all(chunk([...pairs.values()], TAX_BATCH_MAXIMUM).map((cxtjList) => this.#call('incomeTaxReturns', { method: 'POST', data: { cxtjList } })));
    return interpret(() => {
      const returns = new Map<string, IncomeTaxReturnRecord>();
      for (const data of answers) {
        for (const entry of IncomeTaxReturnsData.parse(data).hsqjList) {
          const taxReturn = toIncomeTaxReturnRecord(entry);
          for (const key of keysAskedFor(keysByPair, `${taxReturn.personId}:${taxReturn.year}`)) returns.set(key, taxReturn);
        }
      }
      return returns;
    });
  }

  /** The circuit and the calls in flight and queued, for health checks and metrics. */
  guardState(): LegacyGuardState {
    return this.#guard.state();
  }

  /** Ends the kept-alive connections; the client is not used afterwards. */
  close(): void {
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
  }

  /**
   * One call through the guard: the `data` of a success answer, or NOT_FOUND for the bureau's
   * "taxpayer not found" where the caller accepts it. Everything else throws
   * DEPARTMENT_UNAVAILABLE; the envelope is read inside the guard, so a busy answer (9999) is
   * retried like a failed connection.
   */
  #call(operation: keyof typeof PATHS, request: AxiosRequestConfig, acceptNotFound = false): Promise<unknown> {
    return this.#guard.run(operation, (signal) => this.#request({ ...request, url: PATHS[operation], signal }, acceptNotFound));
  }

  async #request(request: AxiosRequestConfig, acceptNotFound: boolean): Promise<unknown> {
    let status: number;
    let body: unknown;
    try {
      ({ status, data: body } = await this.#http.request(request));
    } catch (error) {
      throw toTaxUnavailable(error);
    }
    let envelope;
    try {
      envelope = readTaxEnvelope(status, body);
    } catch (error) {
      throw toTaxUnavailable(error);
    }
    if (envelope.code === SUCCESS) return envelope.data;
    if (envelope.code === TAXPAYER_NOT_FOUND && acceptNotFound) return NOT_FOUND;
    throw toTaxUnavailable(new TaxAnswerError('code', status, { code: envelope.code, legacyMessage: envelope.msg }));
  }
}

const NOT_FOUND = Symbol('not found');

/** Runs the reading of an answer; anything it throws means the answer was not what the bureau documents. */
function interpret<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    throw toTaxUnavailable(new TaxAnswerError('format', 200, { cause: error }));
  }
}

/** The keys asked for under a canonical identifier; an entry nobody asked for means the answer is not ours. */
function keysAskedFor(keysByCanonical: ReadonlyMap<string, readonly string[]>, canonical: string): readonly string[] {
  const keys = keysByCanonical.get(canonical);
  if (!keys) throw new RangeError('the answer holds an entry that was not asked for');
  return keys;
}

/** The given keys grouped by their canonical form; keys without one (invalid) are left out. */
function groupKeys(keys: readonly string[], canonicalOf: (key: string) => string | null): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const canonical = canonicalOf(key);
    if (canonical !== null) pushTo(groups, canonical, key);
  }
  return groups;
}

function isTaxYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}
