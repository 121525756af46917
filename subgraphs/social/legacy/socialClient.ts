import { z } from 'zod';
import {
  badUserInput,
  batchByKey,
  canonicalId,
  createLegacyGuard,
  departmentUnavailable,
  isValidResidentId,
  isValidUscc,
  LegacySoapClient,
  periodProblem,
  readAnswer,
  residentIdProblem,
  splitPeriodRange,
  toCompactPeriod,
  type LegacyGuard,
  type SoapFault,
} from '../../kit/index.js';
import { repeated } from './legacyValues.js';
import type { ContributionRecord } from './ContributionRecord.js';
import type { EmployerAccountRecord } from './EmployerAccountRecord.js';
import type { PersonRecord } from './PersonRecord.js';
import { readContributions } from './readContributions.js';
import { dwcbxxSchema, toEmployerAccountRecord } from './toEmployerAccountRecord.js';
import { ryxxSchema, toPersonRecord } from './toPersonRecord.js';
import { readErrorCode, toSocialFaultReason } from './toSocialFaultReason.js';

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
 * WS-Security UsernameToken and answers with the records of its *Record.ts files.
 *
 * Create one per process and reuse it: kit's SOAP transport builds the client from the WSDL on the
 * first call (and again on the next call when that fails, since the system may be down at start),
 * keeps connections alive, retains no request or response, and sends every call through the guard
 * (kit/resilience), which owns timeouts and retries. Every failure of the system is a
 * DEPARTMENT_UNAVAILABLE error naming the social department and a reason (toSocialFaultReason).
 */
export class SocialClient {
  /** The bureau's SOAP service; exposed so that a test can inspect what it retains. */
  readonly transport: LegacySoapClient;

  constructor(options: SocialClientOptions) {
    this.transport = new LegacySoapClient({
      department: 'social',
      endpoint: options.url.replace(/\/+$/, '') + SERVICE_PATH,
      guard: options.guard ?? createLegacyGuard('social', { timeoutMs: options.timeoutMs }),
      usernameToken: {
        // SOCIAL_LEGACY_USERNAME/_PASSWORD, read by the subgraph's config and handed down (SubgraphSettings.legacyCredentials).
        username: options.username || 'portal-gateway',
        password: options.password || 'dev-social-secret',
      },
      faultReason: toSocialFaultReason,
    });
  }

  /** Closes the kept-alive connections, for a clean shutdown; later calls open new ones. */
  close(): void {
    this.transport.close();
  }

  /**
   * Residents by ID (CxCbryxx), one call per SOCIAL_BATCH_MAXIMUM distinct IDs. The map is keyed
   * by the IDs as given; an ID the bureau does not know, or a malformed one (which it could not
   * know), is absent.
   */
  getPersons(ids: readonly string[]): Promise<Map<string, PersonRecord>> {
    return batchByKey(ids, {
      canonicalOf: (id) => (isValidResidentId(id) ? canonicalId(id) : null),
      maximum: SOCIAL_BATCH_MAXIMUM,
      fetchBatch: async (sfzhm) => {
        const raw = await this.transport.call('CxCbryxx', { sfzhm });
        return readAnswer('social', () =>
          (personsAnswer.parse(raw)?.ryxx ?? []).map((ryxx) => [ryxx.sfzhm, toPersonRecord(ryxx)] as const),
        );
      },
    });
  }

  /**
   * One resident's monthly contributions from `from` to `to` (YYYY-MM, both included), oldest
   * first (CxGrjfmx), one call per ten years. A resident the bureau does not know, like one who
   * was never insured, has none. Malformed arguments are BAD_USER_INPUT, checked before any call.
   */
  async getContributions(personId: string, from: string, to: string): Promise<ContributionRecord[]> {
    const problem = residentIdProblem(personId);
    if (problem) throw badUserInput('personId', problem);
    const fromProblem = periodProblem(from);
    if (fromProblem) throw badUserInput('from', fromProblem);
    const toProblem = periodProblem(to);
    if (toProblem) throw badUserInput('to', toProblem);
    const windows = splitPeriodRange({ from, to }, CONTRIBUTION_MONTHS_MAXIMUM);
    if (windows.length === 0) throw badUserInput('to', 'the period `to` comes before `from`');
    const sfzhm = canonicalId(personId);
    // E4001 is an answer here (no such resident, so no contributions), hence never retried.
    const answerNoSuchResident = {
      answerFault: (fault: SoapFault) => (readErrorCode(fault) === NO_SUCH_RESIDENT ? NOT_FOUND : undefined),
    };
    const answers = await Promise.all(
      windows.map((window) =>
        // Read by the lean reader, not the soap package's parser (readContributions); E4001 still through soap.
        this.transport.callForXml(
          'CxGrjfmx',
          { sfzhm, ksqq: toCompactPeriod(window.from), jzqq: toCompactPeriod(window.to) },
          answerNoSuchResident,
        ),
      ),
    );
    if (answers.includes(NOT_FOUND)) return [];
    return answers.flatMap((raw) => {
      const answer = readAnswer('social', () => readContributions(raw));
      if (answer.sfzhm !== sfzhm)
        throw departmentUnavailable('social', 'malformed', new Error('CxGrjfmx answered for another resident'));
      return answer.contributions;
    });
  }

  /**
   * Employer accounts by USCC (CxDwcbxx), one call per EMPLOYER_BATCH_MAXIMUM distinct USCCs. The
   * map is keyed by the USCCs as given; a company without an employer account is absent.
   */
  getEmployerAccounts(usccs: readonly string[]): Promise<Map<string, EmployerAccountRecord>> {
    return batchByKey(usccs, {
      canonicalOf: (uscc) => (isValidUscc(uscc) ? canonicalId(uscc) : null),
      maximum: EMPLOYER_BATCH_MAXIMUM,
      fetchBatch: async (tyshxydm) => {
        const raw = await this.transport.call('CxDwcbxx', { tyshxydm });
        return readAnswer('social', () =>
          (employersAnswer.parse(raw)?.dwcbxx ?? []).map(
            (dwcbxx) => [dwcbxx.tyshxydm, toEmployerAccountRecord(dwcbxx)] as const,
          ),
        );
      },
    });
  }
}
