import {
  batchByKey,
  canonicalId,
  createLegacyGuard,
  isValidResidentId,
  isValidUscc,
  LegacySoapClient,
  readAnswer,
  type LegacyGuard,
} from '../../kit/index.js';
import type { CompanyRecord } from './CompanyRecord.js';
import { readShareholdings } from './readShareholdings.js';
import { qyxxListSchema, searchPageSchema } from './registrySchemas.js';
import { ShareholdingList } from './ShareholdingList.js';
import { toCompanyRecord } from './toCompanyRecord.js';

/** 批量查询上限: the registry refuses more codes per request (fault E1004), so batches are chunked here. */
export const MARKET_BATCH_MAXIMUM = 100;
/** The registry's largest search page (mys). */
const SEARCH_PAGE_MAXIMUM = 50;
/** Where the registry serves its SOAP endpoint; the WSDL is at ?wsdl. */
const REGISTRY_PATH = '/registry';
/** Connections kept open to the registry: more than the guard lets through at once by default. */
const REGISTRY_MAX_SOCKETS = 32;

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
 * is in graph terms, and everything that goes wrong becomes DEPARTMENT_UNAVAILABLE for 'market'
 * (the registry's soap:Client faults, E1xxx, are 'rejected'; its soap:Server faults 'fault').
 * Create one per process: kit's SOAP transport keeps connections alive, loads the WSDL once and
 * sends every call through the guard (kit/resilience), which owns the timeouts and retries.
 *
 * Maps are keyed by the keys exactly as given. Keys that are not valid codes cannot exist, so they
 * are not sent: they are answered like unknown ones, which keeps one bad key from failing a batch.
 */
export class MarketClient {
  /** The registry's SOAP service; exposed so that a test can inspect what it retains. */
  readonly transport: LegacySoapClient;

  constructor(options: MarketClientOptions) {
    this.transport = new LegacySoapClient({
      department: 'market',
      endpoint: `${options.url.replace(/\/+$/, '')}${REGISTRY_PATH}`,
      guard: options.guard ?? createLegacyGuard('market', { timeoutMs: options.timeoutMs }),
      maxSockets: REGISTRY_MAX_SOCKETS,
    });
  }

  /** Ends the kept-alive connections; for shutdown. Calls after close open new ones. */
  close(): void {
    this.transport.close();
  }

  /** Companies by USCC (queryQyjbxx); unknown USCCs are absent. */
  getCompanies(usccs: readonly string[]): Promise<Map<string, CompanyRecord>> {
    return batchByKey(usccs, {
      canonicalOf: canonicalUscc,
      maximum: MARKET_BATCH_MAXIMUM,
      fetchBatch: async (tyshxydm) => {
        const answer = await this.transport.call('queryQyjbxx', { tyshxydm });
        const companies = readAnswer('market', () => qyxxListSchema.parse(answer).qyxx.map(toCompanyRecord));
        return companies.map((company) => [company.uscc, company] as const);
      },
    });
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
      const raw = await this.transport.call('searchQyjbxx', { qymc, ym: page, mys: pageSize });
      const answer = readAnswer('market', () => {
        const result = searchPageSchema.parse(raw);
        return { total: result.zjls, companies: result.qyxx.map(toCompanyRecord) };
      });
      found.push(...answer.companies);
      if (answer.companies.length < pageSize || page * pageSize >= answer.total) break;
    }
    return found.slice(0, first);
  }

  /** The companies each person represents (queryQyjbxxByFddbr); every requested id is present, [] when none. */
  companiesByLegalRepresentatives(personIds: readonly string[]): Promise<Map<string, CompanyRecord[]>> {
    return this.#listsFor(personIds, canonicalResidentId, async (fddbrzjhm) => {
      const answer = await this.transport.call('queryQyjbxxByFddbr', { fddbrzjhm });
      return groupBy(
        readAnswer('market', () => qyxxListSchema.parse(answer).qyxx.map(toCompanyRecord)),
        (company) => company.legalRepresentativeId,
      );
    });
  }

  /** Every shareholding in each company (queryGdxx), however many; every requested USCC is present, [] when none. */
  shareholdersOf(usccs: readonly string[]): Promise<Map<string, ShareholdingList>> {
    return this.#shareholdingListsFor(usccs, canonicalUscc, async (tyshxydm) => {
      // Up to 1,000 holdings a company: read by the lean reader, not the soap package's parser (readShareholdings).
      const xml = await this.transport.callForXml('queryGdxx', { tyshxydm });
      return groupBy(
        readAnswer('market', () => readShareholdings(xml, 'queryGdxxResponse')),
        (gdxx) => gdxx.tyshxydm ?? '',
      );
    });
  }

  /** Every shareholding each person holds (queryDwtzxx); every requested id is present, [] when none. */
  shareholdingsOf(personIds: readonly string[]): Promise<Map<string, ShareholdingList>> {
    return this.#shareholdingListsFor(personIds, canonicalResidentId, async (zjhm) => {
      const xml = await this.transport.callForXml('queryDwtzxx', { zjhm });
      return groupBy(
        readAnswer('market', () => readShareholdings(xml, 'queryDwtzxxResponse')),
        // The holder's ID as the graph writes it (an upper-case X), as toShareholdingRecord does.
        (gdxx) => canonicalId(gdxx.zjhm ?? ''),
      );
    });
  }

  /** Shareholdings by key, each a list translated only where a page asks (ShareholdingList). */
  async #shareholdingListsFor(
    keys: readonly string[],
    canonicalOf: (key: string) => string | null,
    fetchBatch: (batch: string[]) => Promise<Map<string, Array<Record<string, string>>>>,
  ): Promise<Map<string, ShareholdingList>> {
    const found = await this.#listsFor(keys, canonicalOf, fetchBatch);
    return new Map([...found].map(([key, raw]) => [key, new ShareholdingList(raw)]));
  }

  /** A batched lookup that answers lists: every key given is present, with a fresh list, [] when the registry has none. */
  async #listsFor<T>(
    keys: readonly string[],
    canonicalOf: (key: string) => string | null,
    fetchBatch: (batch: string[]) => Promise<Map<string, T[]>>,
  ): Promise<Map<string, T[]>> {
    const found = await batchByKey(keys, { canonicalOf, maximum: MARKET_BATCH_MAXIMUM, fetchBatch });
    // Fresh copies, so that a caller may prime or change them.
    return new Map(keys.map((key) => [key, [...(found.get(key) ?? [])]]));
  }
}

function canonicalUscc(uscc: string): string | null {
  return isValidUscc(uscc) ? canonicalId(uscc) : null;
}

function canonicalResidentId(id: string): string | null {
  return isValidResidentId(id) ? canonicalId(id) : null;
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
