import type { AxiosRequestConfig } from 'axios';
import type { Department } from '../../../core/errors.js';
import { requestIdHeader } from '../../../core/requestScope.js';
import type { LegacyGuard } from '../resilience/index.js';
import { createLegacyHttp, type LegacyHttp } from './createLegacyHttp.js';
import { readAnswer } from './readAnswer.js';
import { toLegacyUnavailable } from './toLegacyUnavailable.js';

export interface LegacyRestClientOptions {
  department: Department;
  /** The system's root, e.g. http://127.0.0.1:5002. */
  baseUrl: string;
  guard: LegacyGuard;
  /** Sent with every request: credentials, Accept. */
  headers?: Record<string, string> | undefined;
  /** The most connections to the system; see createLegacyHttp. */
  maxSockets?: number | undefined;
  /** A larger answer is refused unread, as 'malformed': far above the system's largest real one. */
  maxAnswerBytes: number;
}

/** One HTTP answer as it arrived: every status is the department's to read, the body unparsed. */
export interface LegacyHttpAnswer {
  status: number;
  body: unknown;
}

/**
 * One department's REST/JSON system, called through its guard. Transport failures become
 * DEPARTMENT_UNAVAILABLE naming the department (toLegacyUnavailable); the answer, whatever its
 * status, is handed to the department's `read`, inside the guard, so that a refusal the system
 * marks as transient (a busy code) is retried like a failed connection. Every call carries the
 * request id (x-request-id), so the system's logs match ours.
 */
export class LegacyRestClient {
  readonly #department: Department;
  readonly #guard: LegacyGuard;
  readonly #http: LegacyHttp;

  constructor(options: LegacyRestClientOptions) {
    this.#department = options.department;
    this.#guard = options.guard;
    // Every status answers and the body arrives as text: the department parses it, so that a
    // cut-short answer is 'malformed' rather than a string. No timeout, no redirect, no proxy: see createLegacyHttp.
    this.#http = createLegacyHttp(options.maxSockets, {
      baseURL: options.baseUrl,
      headers: options.headers ?? {},
      maxContentLength: options.maxAnswerBytes,
    });
  }

  /**
   * Sends `request` (its path, method, query or body) and reads the answer with `read`; anything
   * `read` throws that is not a product error makes the answer 'malformed' (readAnswer).
   */
  call<T>(operation: string, request: AxiosRequestConfig, read: (answer: LegacyHttpAnswer) => T): Promise<T> {
    return this.#guard.run(operation, async (signal) => {
      let answer: LegacyHttpAnswer;
      try {
        const response = await this.#http.request({
          ...request,
          headers: { ...request.headers, ...requestIdHeader() },
          signal,
        });
        answer = { status: response.status, body: response.data };
      } catch (error) {
        throw toLegacyUnavailable(this.#department, error, { timedOut: signal.aborted });
      }
      return readAnswer(this.#department, () => read(answer));
    });
  }

  /** Ends the kept-alive connections, for shutdown. */
  close(): void {
    this.#http.close();
  }
}
