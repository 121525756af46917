import * as soap from 'soap';
import { departmentUnavailable, type Department, type UnavailableReason } from '../../../core/errors.js';
import { requestIdHeader } from '../../../core/requestScope.js';
import type { LegacyGuard } from '../resilience/index.js';
import { createLegacyHttp, type LegacyHttp } from './createLegacyHttp.js';
import { LEAN_ANSWER_OPTION, LeanAnswer } from './LeanAnswer.js';
import { readSoapFault, type SoapFault } from './readSoapFault.js';
import { toLegacyUnavailable } from './toLegacyUnavailable.js';

export interface LegacySoapClientOptions {
  department: Department;
  /** Where the service answers (host and path); its WSDL is read from here with ?wsdl. */
  endpoint: string;
  /** Timeouts, retries, circuit breaker and bulkhead around every call, the WSDL load included. */
  guard: LegacyGuard;
  /** The most connections to the system; see createLegacyHttp. */
  maxSockets?: number | undefined;
  /**
   * A WS-Security UsernameToken on every request, the password as PasswordText (the only type the
   * legacy systems take; the connection is what protects it).
   */
  usernameToken?: { username: string; password: string } | undefined;
  /** The department's reading of its faults; see toLegacyUnavailable. */
  faultReason?: ((fault: SoapFault) => UnavailableReason | undefined) | undefined;
}

export interface SoapCallOptions {
  /**
   * A fault that is an answer to this call rather than a failure (a lookup's "no such record"):
   * returns what the call answers instead, or undefined to fail as any other fault. Being an
   * answer, it is never retried.
   */
  answerFault?: ((fault: SoapFault) => unknown) | undefined;
}

/**
 * The `soap` client records each exchange on itself for debugging: the envelopes sent and received
 * and their HTTP headers. They hold personal data and credentials (a WS-Security password), and
 * the client lives as long as the process, so these properties are made to keep nothing at all,
 * rather than cleared after each call (which would leave them readable while calls overlap).
 */
export const SOAP_EXCHANGE_PROPERTIES = [
  'lastMessage',
  'lastRequest',
  'lastEndpoint',
  'lastRequestHeaders',
  'lastResponse',
  'lastResponseHeaders',
  'lastResponseAttachments',
  'lastElapsedTime',
] as const;

/**
 * One department's SOAP service, called through its guard. The client is built from the WSDL
 * once, on first use, by a guarded call of its own that waiting calls share; a failed build is
 * forgotten, so a system that is down at start costs that call and the next one tries again.
 * Every call carries the request id (x-request-id), so the system's logs match ours, and fails
 * only with DEPARTMENT_UNAVAILABLE naming the department (toLegacyUnavailable). The client never
 * retains a request or a response (SOAP_EXCHANGE_PROPERTIES).
 */
export class LegacySoapClient {
  readonly #options: LegacySoapClientOptions;
  readonly #http: LegacyHttp;
  #client: Promise<soap.Client> | null = null;

  constructor(options: LegacySoapClientOptions) {
    this.#options = options;
    this.#http = createLegacyHttp(options.maxSockets);
  }

  /**
   * Calls `operation` with `args` and resolves with its parsed answer, still unchecked: the
   * department reads it with readAnswer. The guard aborts the request when an attempt's time is up.
   */
  call(operation: string, args: object, options: SoapCallOptions = {}): Promise<unknown> {
    return this.#invoke(operation, args, options, false);
  }

  /**
   * Like `call`, but resolves with the raw XML of a successful answer, for a department that
   * reads a large answer of fixed shape with a lean parser of its own (issue 23: the `soap`
   * package's generic parser spent a third of a 1,000-shareholder page). The request is built by
   * the package as for `call` (WSDL, envelope, WS-Security); a fault, or any answer that is not a
   * 2xx, still goes through the package and fails (or answers, with `answerFault`: then the
   * result is what it answered) exactly as for `call`. The department reads the XML with readAnswer.
   */
  callForXml(operation: string, args: object, options: SoapCallOptions = {}): Promise<unknown> {
    return this.#invoke(operation, args, options, true);
  }

  async #invoke(operation: string, args: object, options: SoapCallOptions, lean: boolean): Promise<unknown> {
    const client = await this.client();
    const { department, guard, faultReason } = this.#options;
    return guard.run(operation, async (signal) => {
      const method: unknown = client[`${operation}Async`];
      if (typeof method !== 'function')
        throw departmentUnavailable(department, 'malformed', new Error(`the WSDL lacks the operation ${operation}`));
      try {
        const callOptions = lean ? { signal, [LEAN_ANSWER_OPTION]: true } : { signal };
        const [answer] = (await method.call(client, args, callOptions, requestIdHeader())) as [unknown];
        // A lean call that resolves went through the generic parser after all: an empty 2xx body, say.
        return lean ? leanBodyMissing(department) : answer;
      } catch (error) {
        if (error instanceof LeanAnswer) return error.body;
        const fault = options.answerFault && readSoapFault(error);
        const answer = fault ? options.answerFault?.(fault) : undefined;
        if (answer !== undefined) return answer;
        throw toLegacyUnavailable(department, error, { timedOut: signal.aborted, faultReason });
      }
    });
  }

  /** The underlying `soap` client, loading the WSDL if it is not loaded yet; for calls and for inspection. */
  client(): Promise<soap.Client> {
    if (!this.#client) {
      const pending = this.#options.guard.run('wsdl', (signal) => this.#load(signal));
      this.#client = pending;
      pending.catch(() => {
        if (this.#client === pending) this.#client = null;
      });
    }
    return this.#client;
  }

  /** Ends the kept-alive connections, for shutdown; later calls open new ones. */
  close(): void {
    this.#http.close();
  }

  async #load(signal: AbortSignal): Promise<soap.Client> {
    const { department, endpoint, usernameToken } = this.#options;
    try {
      const client = await soap.createClientAsync(`${endpoint}?wsdl`, {
        // The WSDL's soap:address names the production host; calls go where we were told.
        endpoint,
        // Our transport, with axios's request(config), seen through soap's typings (which want an AxiosInstance).
        request: this.#http.request as unknown as soap.IOptions['request'],
        disableCache: true,
        wsdl_options: { signal },
      });
      if (usernameToken)
        client.setSecurity(
          new soap.WSSecurity(usernameToken.username, usernameToken.password, { passwordType: 'PasswordText' }),
        );
      retainNoExchange(client);
      return client;
    } catch (error) {
      throw departmentUnavailable(department, signal.aborted ? 'timeout' : 'unreachable', error);
    }
  }
}

/** Turns the client's exchange properties into ones that read undefined and drop what is written. */
function retainNoExchange(client: soap.Client): void {
  for (const property of SOAP_EXCHANGE_PROPERTIES) {
    Object.defineProperty(client, property, {
      get: () => undefined,
      set: () => {},
      enumerable: false,
      configurable: false,
    });
  }
}

function leanBodyMissing(department: Department): never {
  throw departmentUnavailable(department, 'malformed', new Error('the answer had no body to read'));
}
