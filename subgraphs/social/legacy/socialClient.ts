import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import type { GraphQLError } from 'graphql';
import * as soap from 'soap';
import { z } from 'zod';
import { badUserInput, departmentUnavailable } from '../../kit/errors.js';
import { canonicalId, isValidResidentId, isValidUscc, residentIdProblem } from '../../kit/ids.js';
import { requestIdHeader } from '../../kit/requestScope.js';
import { createLegacyGuard, type LegacyGuard, type LegacyGuardState } from '../../kit/resilience/index.js';
import { chunk } from '../../kit/chunk.js';
import { repeated, residentId } from './legacyValues.js';
import type { ContributionRecord, EmployerAccountRecord, PersonRecord } from './records.js';
import { splitPeriodRange } from './splitPeriodRange.js';
import { jfmxSchema, toContributionRecord } from './toContributionRecord.js';
import { dwcbxxSchema, toEmployerAccountRecord } from './toEmployerAccountRecord.js';
import { toLegacyPeriod } from './toLegacyPeriod.js';
import { ryxxSchema, toPersonRecord } from './toPersonRecord.js';
import { readFaultCode, toSocialUnavailable } from './toSocialUnavailable.js';

/** 查询参保人员信息 (CxCbryxx) takes at most 200 resident IDs a call. */
export const SOCIAL_BATCH_MAXIMUM = 200;
/** 查询单位参保信息 (CxDwcbxx) takes at most 100 USCCs a call. */
export const EMPLOYER_BATCH_MAXIMUM = 100;
/** 查询个人缴费明细 (CxGrjfmx) answers at most 120 months (ksqq..jzqq inclusive) a call. */
const CONTRIBUTION_MONTHS_MAXIMUM = 120;
/** The service path on the bureau's host; the WSDL is served at the same path with ?wsdl. */
const SERVICE_PATH = '/insurance';
/** The bureau's "no such resident" fault of its single lookups. */
const NO_SUCH_RESIDENT = 'E4001';
const NOT_FOUND = Symbol('not found');

const personsAnswer = z.object({ ryxx: repeated(ryxxSchema) }).nullish();
const contributionsAnswer = z.object({ sfzhm: residentId, jfmx: repeated(jfmxSchema) });
const employersAnswer = z.object({ dwcbxx: repeated(dwcbxxSchema) }).nullish();

export interface SocialClientOptions {
  /** The bureau's host, e.g. http://127.0.0.1:5003 (the service is at /insurance). */
  url: string;
  /** WS-Security UsernameToken; by default SOCIAL_LEGACY_USERNAME / SOCIAL_LEGACY_PASSWORD. */
  username?: string;
  password?: string;
  /**
   * The deadline of each attempt at a call, WSDL load included, for the default guard (which
   * otherwise reads SOCIAL_LEGACY_TIMEOUT_MS or LEGACY_TIMEOUT_MS, default 5000); ignored when
   * `guard` is given.
   */
  timeoutMs?: number;
  /** Timeouts, retries, circuit breaker and bulkhead around every call; by default one built from the environment. */
  guard?: LegacyGuard;
}

/**
 * The social security bureau's social insurance system, as the graph sees it. The only place
 * that knows its URL, credentials, operations and field names: it speaks SOAP 1.1 with a
 * WS-Security UsernameToken and answers with the records of ./records.ts.
 *
 * Create one per process and reuse it: the soap client is built lazily from the WSDL on the
 * first call (and again on the next call when that fails, since the system may be down at
 * start) and connections are kept alive. Every call goes through its guard (kit/resilience),
 * which owns timeouts and retries. Every failure of the system is a DEPARTMENT_UNAVAILABLE error
 * naming the social department and a reason.
 */
export class SocialClient {
  readonly #endpoint: string;
  readonly #username: string;
  readonly #password: string;
  readonly #guard: LegacyGuard;
  readonly #http: AxiosInstance;
  readonly #agents: { http: HttpAgent; https: HttpsAgent };
  #soap: Promise<soap.Client> | null = null;

  constructor(options: SocialClientOptions) {
    this.#endpoint = options.url.replace(/\/+$/, '') + SERVICE_PATH;
    this.#username = options.username ?? (process.env.SOCIAL_LEGACY_USERNAME || 'portal-gateway');
    this.#password = options.password ?? (process.env.SOCIAL_LEGACY_PASSWORD || 'dev-social-secret');
    this.#guard = options.guard ?? createLegacyGuard('social', { timeoutMs: options.timeoutMs });
    this.#agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
    this.#http = axios.create({ httpAgent: this.#agents.http, httpsAgent: this.#agents.https });
  }

  /** The circuit and the calls in flight and queued, for health checks and metrics. */
  guardState(): LegacyGuardState {
    return this.#guard.state();
  }

  /** Closes the kept-alive connections, for a clean shutdown; later calls open new ones. */
  close(): void {
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /**
   * Residents by ID (CxCbryxx), one call per SOCIAL_BATCH_MAXIMUM distinct IDs. The map is keyed
   * by the IDs as given; an ID the bureau does not know, or a malformed one (which it could not
   * know), is absent.
   */
  async getPersons(ids: readonly string[]): Promise<Map<string, PersonRecord>> {
    const keysById = groupKeys(ids, isValidResidentId);
    const found = new Map<string, PersonRecord>();
    await Promise.all(
      chunk([...keysById.keys()], SOCIAL_BATCH_MAXIMUM).map(async (sfzhm) => {
        const answer = check(personsAnswer, await this.#call('CxCbryxx', { sfzhm }));
        for (const ryxx of answer?.ryxx ?? []) found.set(ryxx.sfzhm, toPersonRecord(ryxx));
      }),
    );
    return keyedBy(keysById, found);
  }

  /**
   * One resident's monthly contributions from `from` to `to` (YYYY-MM, both included), oldest
   * first (CxGrjfmx), one call per ten years. A resident the bureau does not know, like one who
   * was never insured, has none. Malformed arguments are BAD_USER_INPUT, checked before any call.
   */
  async getContributions(personId: string, from: string, to: string): Promise<ContributionRecord[]> {
    const problem = residentIdProblem(personId);
    if (problem) throw badUserInput('personId', problem);
    const ksqq = toLegacyPeriod(from);
    if (!ksqq) throw badUserInput('from', 'a period is written YYYY-MM, e.g. 2024-03');
    const jzqq = toLegacyPeriod(to);
    if (!jzqq) throw badUserInput('to', 'a period is written YYYY-MM, e.g. 2024-03');
    if (jzqq < ksqq) throw badUserInput('to', 'the period `to` comes before `from`');
    const sfzhm = canonicalId(personId);
    const windows = splitPeriodRange(ksqq, jzqq, CONTRIBUTION_MONTHS_MAXIMUM);
    const answers = await Promise.all(windows.map((window) => this.#call('CxGrjfmx', { sfzhm, ksqq: window.from, jzqq: window.to }, true)));
    if (answers.includes(NOT_FOUND)) return [];
    return answers.flatMap((raw) => {
      const answer = check(contributionsAnswer, raw);
      if (answer.sfzhm !== sfzhm) throw malformed(new Error('CxGrjfmx answered for another resident'));
      return answer.jfmx.map(toContributionRecord);
    });
  }

  /**
   * Employer accounts by USCC (CxDwcbxx), one call per EMPLOYER_BATCH_MAXIMUM distinct USCCs. The
   * map is keyed by the USCCs as given; a company without an employer account is absent.
   */
  async getEmployerAccounts(usccs: readonly string[]): Promise<Map<string, EmployerAccountRecord>> {
    const keysByUscc = groupKeys(usccs, isValidUscc);
    const found = new Map<string, EmployerAccountRecord>();
    await Promise.all(
      chunk([...keysByUscc.keys()], EMPLOYER_BATCH_MAXIMUM).map(async (tyshxydm) => {
        const answer = check(employersAnswer, await this.#call('CxDwcbxx', { tyshxydm }));
        for (const dwcbxx of answer?.dwcbxx ?? []) found.set(dwcbxx.tyshxydm, toEmployerAccountRecord(dwcbxx));
      }),
    );
    return keyedBy(keysByUscc, found);
  }

  /**
   * One operation call through the guard, which aborts `signal` when an attempt's time is up;
   * NOT_FOUND for E4001 when the caller can take it (an answer, so never retried).
   */
  async #call(operation: string, request: object, notFoundAllowed = false): Promise<unknown> {
    const client = await this.#soapClient();
    return this.#guard.run(operation, async (signal) => {
      try {
        const method = client[`${operation}Async`] as (args: object, options: object, extraHeaders: Record<string, string>) => Promise<[unknown]>;
        // The request id goes with the call, so the bureau's logs match ours.
        const [result] = await method.call(client, request, { signal }, requestIdHeader());
        return result;
      } catch (error) {
        if (notFoundAllowed && readFaultCode(error) === NO_SUCH_RESIDENT) return NOT_FOUND;
        throw toSocialUnavailable(error, signal.aborted);
      }
    });
  }

  /** The SOAP client from the WSDL, loaded by a guarded call of its own that waiting calls share. */
  #soapClient(): Promise<soap.Client> {
    if (!this.#soap) {
      const pending = this.#guard.run('wsdl', (signal) => this.#createSoapClient(signal));
      this.#soap = pending;
      // A failed start is not kept: the next call tries again.
      pending.catch(() => {
        if (this.#soap === pending) this.#soap = null;
      });
    }
    return this.#soap;
  }

  async #createSoapClient(signal: AbortSignal): Promise<soap.Client> {
    try {
      const client = await soap.createClientAsync(`${this.#endpoint}?wsdl`, {
        // The WSDL names the bureau's production address; calls go where we were told.
        endpoint: this.#endpoint,
        // Same axios, but soap's typings resolve its CommonJS declarations, a distinct type to tsc.
        request: this.#http as unknown as soap.IOptions['request'],
        disableCache: true,
        wsdl_options: { signal },
      });
      client.setSecurity(new soap.WSSecurity(this.#username, this.#password, { passwordType: 'PasswordText' }));
      return client;
    } catch (error) {
      throw departmentUnavailable('social', signal.aborted ? 'timeout' : 'unreachable', error);
    }
  }
}

/** Checks a legacy answer; anything off is the bureau answering nonsense. */
function check<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw malformed(result.error);
  return result.data;
}

function malformed(cause: unknown): GraphQLError {
  return departmentUnavailable('social', 'malformed', cause);
}

/** The graph keys by canonical identifier, leaving out keys that cannot be identifiers. */
function groupKeys(keys: readonly string[], isValid: (value: string) => boolean): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    if (!isValid(key)) continue;
    const id = canonicalId(key);
    const group = groups.get(id);
    if (group) group.push(key);
    else groups.set(id, [key]);
  }
  return groups;
}

function keyedBy<T>(keysById: ReadonlyMap<string, readonly string[]>, found: ReadonlyMap<string, T>): Map<string, T> {
  const result = new Map<string, T>();
  for (const [id, keys] of keysById) {
    const record = found.get(id);
    if (record !== undefined) for (const key of keys) result.set(key, record);
  }
  return result;
}
