import { z } from 'zod';
import {
  batchByKey,
  canonicalId,
  createLegacyGuard,
  isValidResidentId,
  isValidUscc,
  LegacyRestClient,
  readAnswer,
  type LegacyGuard,
  type LegacyHttpAnswer,
} from '../../kit/index.js';
import { compareFilingPeriods } from './filingPeriods.js';
import type { IncomeTaxReturnRecord } from './IncomeTaxReturnRecord.js';
import { readTaxEnvelope } from './readTaxEnvelope.js';
import { TaxAnswerError } from './TaxAnswerError.js';
import { isTaxYear } from './taxYears.js';
import type { TaxFilingRecord } from './TaxFilingRecord.js';
import type { TaxProfileRecord } from './TaxProfileRecord.js';
import { toIncomeTaxReturnRecord } from './toIncomeTaxReturnRecord.js';
import { toTaxFilingRecord } from './toTaxFilingRecord.js';
import { toTaxProfileRecord } from './toTaxProfileRecord.js';
import { toTaxUnavailable } from './toTaxUnavailable.js';
import type { TaxpayerRegistrationRecord } from './TaxpayerRegistrationRecord.js';
import { NSRLX_BY_TAXPAYER_TYPE, refusalOf, TAX_WRITE_PATHS, toCancelled, toRegistered } from './taxWrites.js';

/** The most entries the bureau takes in one batch query (nsrsbhList, cxtjList). */
export const TAX_BATCH_MAXIMUM = 100;

/** The bureau's interface: paths, header, and the result codes the client acts on. */
const PATHS = {
  taxpayers: '/api/nsrxx/plcx',
  filings: '/api/sbxx/cx',
  incomeTaxReturns: '/api/grsds/hsqj/plcx',
} as const;
const API_KEY_HEADER = 'X-Api-Key';
const DEV_API_KEY = 'dev-tax-api-key';
const SUCCESS = '0000';
const TAXPAYER_NOT_FOUND = '3001';
/** The largest page the filings query serves. */
const FILINGS_PAGE_SIZE = 100;
/**
 * A company files about 30 returns a year; a total above this is not believable, and a caller of
 * TaxProfile.filings gets at most this many. The schema declares the same bound to the gateway's
 * cost model (`filings @listSize(assumedSize: 200)`); test/abuse/listSizes.test.ts keeps them equal.
 */
export const MAX_FILINGS_PER_YEAR = 200;
/** Connections kept open to the bureau: enough for the loaders, few enough for an old system. */
const MAX_SOCKETS = 50;
/** Far above the largest real answer (100 entries, about 20 KiB). */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

const TaxpayersData = z.object({ nsrxxList: z.array(z.unknown()) });
const FilingsData = z.object({
  total: z.number().int().nonnegative(),
  sbxxList: z.array(z.unknown()).max(FILINGS_PAGE_SIZE),
});
const IncomeTaxReturnsData = z.object({ hsqjList: z.array(z.unknown()) });
const NOT_FOUND = Symbol('not found');

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
 * process: kit's REST transport keeps its connections alive, and its guard (kit/resilience)
 * counts every call.
 *
 * Keys the bureau could not hold (a malformed USCC or resident ID, a year outside taxYears.ts)
 * are answered here as unknown, without a call: the bureau would refuse the whole batch for one
 * of them. Checking input for the caller is the resolvers' job (BAD_USER_INPUT).
 */
export class TaxClient {
  readonly #transport: LegacyRestClient;

  constructor(options: TaxClientOptions) {
    this.#transport = new LegacyRestClient({
      department: 'tax',
      baseUrl: options.baseUrl,
      guard: options.guard ?? createLegacyGuard('tax', { timeoutMs: options.timeoutMs }),
      headers: {
        // TAX_LEGACY_API_KEY, read by the subgraph's config and handed down (SubgraphSettings.legacyCredentials).
        [API_KEY_HEADER]: options.apiKey || DEV_API_KEY,
        Accept: 'application/json',
      },
      maxSockets: MAX_SOCKETS,
      maxAnswerBytes: MAX_ANSWER_BYTES,
    });
  }

  /** Company.tax: the tax profiles of these companies, keyed by the USCC as given; unknown companies are absent. */
  getTaxProfiles(usccs: readonly string[]): Promise<Map<string, TaxProfileRecord>> {
    return batchByKey(usccs, {
      canonicalOf: (uscc) => (isValidUscc(uscc) ? canonicalId(uscc) : null),
      maximum: TAX_BATCH_MAXIMUM,
      fetchBatch: async (nsrsbhList) => {
        const data = await this.#call('taxpayers', { method: 'POST', data: { nsrsbhList } });
        const asked = new Set(nsrsbhList);
        return readAnswer('tax', () =>
          TaxpayersData.parse(data).nsrxxList.map((entry) => {
            const profile = toTaxProfileRecord(entry);
            return [askedFor(asked, profile.uscc), profile] as const;
          }),
        );
      },
    });
  }

  /** TaxProfile.filings: one company's returns of one year, all pages, in period order; [] for an unknown company. */
  async getFilings(uscc: string, year: number): Promise<TaxFilingRecord[]> {
    if (!isValidUscc(uscc) || !isTaxYear(year)) return [];
    const page = (pageNo: number, notFound: boolean) =>
      this.#call(
        'filings',
        { method: 'GET', params: { nsrsbh: canonicalId(uscc), nd: String(year), pageNo, pageSize: FILINGS_PAGE_SIZE } },
        notFound,
      );
    const first = await page(1, true);
    if (first === NOT_FOUND) return [];
    const { total } = readAnswer('tax', () => FilingsData.parse(first));
    const pageCount = Math.ceil(total / FILINGS_PAGE_SIZE);
    if (total > MAX_FILINGS_PER_YEAR)
      throw toTaxUnavailable(new TaxAnswerError('format', 200, { legacyMessage: 'implausible filings total' }));
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => page(index + 2, false)),
    );
    return readAnswer('tax', () => {
      const pages = [first, ...rest].map((data) => FilingsData.parse(data));
      const entries = pages.flatMap((answer) => answer.sbxxList);
      // Pages that disagree on the total, or do not add up to it, are not one consistent list.
      if (pages.some((answer) => answer.total !== total) || entries.length !== total)
        throw new RangeError('the pages do not add up to the total');
      // Array.prototype.sort is stable: returns of the same period keep the bureau's order.
      return entries.map(toTaxFilingRecord).sort((a, b) => compareFilingPeriods(a.period, b.period));
    });
  }

  /** Person.incomeTax: annual reconciliations keyed `${personId}:${year}` as given; pairs without a return are absent. */
  async getIncomeTaxReturns(
    keys: ReadonlyArray<{ personId: string; year: number }>,
  ): Promise<Map<string, IncomeTaxReturnRecord>> {
    const found = await batchByKey(keys, {
      // A resident ID holds no ':', so the pair splits back into its parts for the request.
      canonicalOf: ({ personId, year }) =>
        isValidResidentId(personId) && isTaxYear(year) ? `${canonicalId(personId)}:${year}` : null,
      maximum: TAX_BATCH_MAXIMUM,
      fetchBatch: async (pairs) => {
        const cxtjList = pairs.map((pair) => {
          const [sfzjhm, nd] = pair.split(':');
          return { sfzjhm, nd };
        });
        const data = await this.#call('incomeTaxReturns', { method: 'POST', data: { cxtjList } });
        const asked = new Set(pairs);
        return readAnswer('tax', () =>
          IncomeTaxReturnsData.parse(data).hsqjList.map((entry) => {
            const taxReturn = toIncomeTaxReturnRecord(entry);
            return [askedFor(asked, `${taxReturn.personId}:${taxReturn.year}`), taxReturn] as const;
          }),
        );
      },
    });
    return new Map([...found].map(([{ personId, year }, taxReturn]) => [`${personId}:${year}`, taxReturn]));
  }

  /**
   * 税务登记 (swdj.dj): registers the company as a taxpayer. `key` goes as `qqlsh`: the bureau answers
   * a repeated key with its first answer and changes nothing, so the guard's retry of a write that
   * failed on the wire (the same request, the same key) registers nothing twice. The bureau's
   * refusals are DEPARTMENT_REFUSED (taxRefusals.ts). `uscc` is checked and canonical already.
   */
  async registerTaxpayer(
    uscc: string,
    taxpayerType: keyof typeof NSRLX_BY_TAXPAYER_TYPE,
    key: string,
  ): Promise<TaxpayerRegistrationRecord> {
    const data = { qqlsh: key, nsrsbh: uscc, nsrlx: NSRLX_BY_TAXPAYER_TYPE[taxpayerType] };
    return toRegistered(await this.#write('register', data));
  }

  /** 注销税务登记 (swdj.zx): cancels a registration still unused; idempotent by `key` as registerTaxpayer. */
  async cancelTaxpayerRegistration(uscc: string, key: string): Promise<TaxpayerRegistrationRecord> {
    return toCancelled(await this.#write('cancel', { qqlsh: key, nsrsbh: uscc }));
  }

  #write(operation: keyof typeof TAX_WRITE_PATHS, data: object): Promise<unknown> {
    return this.#transport.call(
      `swdj.${operation}`,
      { method: 'POST', url: TAX_WRITE_PATHS[operation], data },
      (answer) => {
        const refusal = refusalOf(answer);
        if (refusal) throw refusal;
        return readTaxData(answer, false);
      },
    );
  }

  /** Ends the kept-alive connections; the client is not used afterwards. */
  close(): void {
    this.#transport.close();
  }

  /**
   * One call through kit's transport: the `data` of a success answer, or NOT_FOUND for the
   * bureau's "taxpayer not found" where the caller accepts it. Everything else throws
   * DEPARTMENT_UNAVAILABLE; the envelope is read inside the guard, so a busy answer (9999) is
   * retried like a failed connection.
   */
  #call(
    operation: keyof typeof PATHS,
    request: { method: 'GET' | 'POST'; params?: object; data?: object },
    acceptNotFound = false,
  ): Promise<unknown> {
    return this.#transport.call(operation, { ...request, url: PATHS[operation] }, (answer) =>
      readTaxData(answer, acceptNotFound),
    );
  }
}

function readTaxData({ status, body }: LegacyHttpAnswer, acceptNotFound: boolean): unknown {
  let envelope;
  try {
    envelope = readTaxEnvelope(status, body);
  } catch (error) {
    throw error instanceof TaxAnswerError ? toTaxUnavailable(error) : error;
  }
  if (envelope.code === SUCCESS) return envelope.data;
  if (envelope.code === TAXPAYER_NOT_FOUND && acceptNotFound) return NOT_FOUND;
  throw toTaxUnavailable(new TaxAnswerError('code', status, { code: envelope.code, legacyMessage: envelope.msg }));
}

/** The key an entry answers, which must be one asked for in its batch: an entry nobody asked for means the answer is not ours. */
function askedFor(asked: ReadonlySet<string>, key: string): string {
  if (!asked.has(key)) throw new RangeError('the answer holds an entry that was not asked for');
  return key;
}
