import http from 'node:http';
import https from 'node:https';
import { AxiosError, CanceledError, type AxiosRequestConfig } from 'axios';
import { isLeanAnswerRequest, LeanAnswer } from './LeanAnswer.js';
import { readLegacyBody } from './readLegacyBody.js';
import { targetOf } from './targetOf.js';

/**
 * What a call may ask of the transport: axios's request config, of which the transport honours
 * `url` (absolute, or relative to `baseURL`), `method`, `headers`, `params` (a flat query),
 * `data` (a string as is, anything else as JSON), `signal` and `maxContentLength`. The rest of
 * what the `soap` package passes (validateStatus, transformResponse) is what the transport does
 * anyway: every status answers, and the body arrives as text.
 */
export type LegacyHttpRequest = AxiosRequestConfig & { leanAnswer?: unknown };

/** One HTTP answer in axios's shape, which the `soap` package reads: the body as text, whatever the status. */
export interface LegacyHttpResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  data: string;
  config: LegacyHttpRequest;
}

/** What every call of one legacy system shares: its root, its headers (credentials, Accept) and its answer size limit. */
export interface LegacyHttpDefaults {
  baseURL?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** A larger answer is refused unread (AxiosError ERR_BAD_RESPONSE, read as 'malformed'); absent, no limit. */
  maxContentLength?: number | undefined;
}

/** One legacy system's HTTP: axios's `request(config)` on keep-alive agents, and a way to end the connections. */
export interface LegacyHttp {
  /**
   * Sends one request and resolves with its answer whatever the status; fails as axios does (a
   * CanceledError when `signal` aborts, an AxiosError with Node's code when the connection fails),
   * so the `soap` package and toLegacyUnavailable read the failures as before.
   */
  readonly request: (config: LegacyHttpRequest) => Promise<LegacyHttpResponse>;
  /** Ends the kept-alive connections, for shutdown; requests after it open new ones. */
  close(): void;
}

/**
 * The connections to one legacy system, kept alive because a loader batch per query level means
 * many small calls. `maxSockets` caps the connections an old system is asked to hold; absent,
 * Node's default applies (the guard's bulkhead still bounds the calls in flight).
 *
 * A request costs what `http.request` on a keep-alive agent costs (issue 23: axios spent 0.4 ms
 * per legacy call on merging configs, wrapping for redirects and looking up a proxy): no
 * redirect is followed (a legacy system that redirects is misconfigured, and the answer is read
 * by its status), no proxy is asked (legacy systems sit on the government network: a host's
 * HTTP_PROXY must not reroute personal data), no timeout is set (the guard's deadline aborts
 * the request through `signal`, the connection included).
 */
export function createLegacyHttp(maxSockets?: number, defaults: LegacyHttpDefaults = {}): LegacyHttp {
  const agentOptions: http.AgentOptions =
    maxSockets === undefined ? { keepAlive: true } : { keepAlive: true, maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  const defaultHeaders = defaults.headers ?? {};
  return {
    request: (config) => {
      const target = targetOf(config.url ?? '', config.baseURL ?? defaults.baseURL, config.params);
      const body = bodyOf(config.data);
      const headers: http.OutgoingHttpHeaders = { ...defaultHeaders };
      for (const [name, value] of Object.entries(config.headers ?? {})) {
        if (value !== undefined && value !== null) headers[name] = value as string;
      }
      if (body !== null && typeof config.data !== 'string' && !hasHeader(headers, 'content-type'))
        headers['Content-Type'] = 'application/json';
      if (body !== null && !hasHeader(headers, 'content-length')) headers['Content-Length'] = Buffer.byteLength(body);
      return send(config, {
        agent: target.secure ? httpsAgent : httpAgent,
        module: target.secure ? https : http,
        options: { host: target.host, port: target.port, path: target.path, method: methodOf(config, body), headers },
        body,
        maxContentLength: config.maxContentLength ?? defaults.maxContentLength ?? -1,
      });
    },
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

interface Outgoing {
  agent: http.Agent;
  module: typeof http | typeof https;
  options: http.RequestOptions;
  body: string | null;
  maxContentLength: number;
}

/** One exchange; the abort listener lives only as long as the request, since a finished call's signal is never aborted. */
function send(config: LegacyHttpRequest, outgoing: Outgoing): Promise<LegacyHttpResponse> {
  const signal = config.signal as AbortSignal | undefined;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CanceledError(undefined, undefined, config as never));
      return;
    }
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const request = outgoing.module.request({ ...outgoing.options, agent: outgoing.agent }, (response) => {
      readLegacyBody(response, outgoing.maxContentLength).then(
        (data) => {
          const answer: LegacyHttpResponse = {
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: response.headers,
            data,
            config,
          };
          // A lean call's answer skips the soap package's generic parser (LeanAnswer); a fault still goes through it.
          finish(() =>
            isLeanAnswerRequest(config) && LeanAnswer.fits(answer) ? reject(new LeanAnswer(data)) : resolve(answer),
          );
        },
        (error: unknown) => finish(() => reject(toAxiosError(error, config))),
      );
    });
    const onAbort = () => {
      request.destroy();
      finish(() => reject(new CanceledError(undefined, undefined, config as never)));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => finish(() => reject(toAxiosError(error, config))));
    request.end(outgoing.body ?? undefined);
  });
}

/** A transport failure as axios reports it: Node's code kept (ECONNREFUSED, ECONNRESET), so toLegacyUnavailable reads it as before. */
function toAxiosError(error: unknown, config: LegacyHttpRequest): AxiosError {
  if (error instanceof AxiosError) return error;
  const cause = error instanceof Error ? error : new Error(String(error));
  return AxiosError.from(cause, (cause as { code?: string }).code, config as never);
}

function bodyOf(data: unknown): string | null {
  if (data === undefined || data === null) return null;
  return typeof data === 'string' ? data : JSON.stringify(data);
}

function methodOf(config: LegacyHttpRequest, body: string | null): string {
  return (config.method ?? (body === null ? 'GET' : 'POST')).toUpperCase();
}

function hasHeader(headers: http.OutgoingHttpHeaders, lowerCaseName: string): boolean {
  for (const name in headers) if (name.toLowerCase() === lowerCaseName) return true;
  return false;
}
