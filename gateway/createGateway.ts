import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource, type GatewayConfig } from '@apollo/gateway';
import type { CryptoKey } from 'jose';
import {
  ANONYMOUS,
  CALLER_TOKEN_HEADER,
  createCallerTokenSigner,
  departmentUnavailable,
  graphError,
  type Caller,
  type Department,
} from '../core/index.js';
import type { GatewayContext } from './context.js';
import { createPlanCache } from './createPlanCache.js';
import { SubgraphHeaders } from './SubgraphHeaders.js';
import { SUBGRAPHS } from './subgraphList.js';

export interface GatewayOptions {
  /** The committed supergraph (production practice); ignored when `composeFromSubgraphs` is set. */
  supergraphSdl: string;
  /** Where each subgraph is, by name; defaults to the routing URLs of the supergraph. */
  subgraphUrls?: Partial<Record<string, string>>;
  /** Development: compose from the running subgraphs' SDL instead of the committed supergraph. */
  composeFromSubgraphs?: boolean;
  /** The gateway's private key: it signs the verified caller for each subgraph. */
  signingKey: { key: CryptoKey; kid?: string };
  /**
   * How subgraph calls are sent; defaults to one kept-alive connection pool (createSubgraphFetcher).
   * The benchmark passes Apollo's own default here to measure the pool against it in one run.
   */
  fetcher?: Fetcher;
  /** Told of a planning failure (the error itself, for the log); the caller gets QUERY_NOT_PLANNABLE. */
  onPlanningFailure?(error: unknown): void;
  /**
   * How long one request may wait for the departments (GATEWAY_REQUEST_DEADLINE_MS): the
   * context's `deadline` signal (context.ts) fires then; DEFAULT_REQUEST_DEADLINE_MS if unset.
   */
  requestDeadlineMs?: number;
}

/**
 * What a portal page waits for the departments at most, whatever its query plan: a plan that asks
 * one department twice in sequence would otherwise wait for that department's legacy budget twice
 * (issue 20: 9.9 s with one system hanging). A department's own budget for one legacy call
 * (`*_LEGACY_BUDGET_MS`, 5 s, whose second attempt ends at 4 s) fits within it, so a hanging system
 * is usually reported by its own subgraph, naming the reason, before the gateway gives up on it.
 */
export const DEFAULT_REQUEST_DEADLINE_MS = 5_000;

/**
 * Connections kept open to each subgraph. Every portal request makes one to three fetches per
 * department, so this bounds what one department's subgraph sees at once from this gateway.
 */
const MAX_SOCKETS_PER_SUBGRAPH = 64;
/**
 * An idle connection is dropped after this long, or a second before the subgraph's announced
 * Keep-Alive timeout when that is shorter (Node's agent reads the hint), so that a request is
 * never sent on a connection the subgraph is closing.
 */
const IDLE_CONNECTION_MS = 15_000;
/** Subgraph URLs whose parse is kept: one per subgraph, so this bound is never reached in practice. */
const MAX_SUBGRAPH_URLS = 64;

/**
 * The federated gateway: plans each portal query over the departments' subgraphs and sends each
 * subgraph its part, with the request id so one request can be followed through every log.
 */
export function createGateway(options: GatewayOptions): ApolloGateway {
  const urlFor = (name: string, url: string | undefined) => options.subgraphUrls?.[name] ?? url;
  // One connection pool for all subgraphs, made once: bench/RESULTS.md measured the default
  // fetcher (make-fetch-happen) as the gateway's largest cost after crypto.
  const fetcher = options.fetcher ?? createSubgraphFetcher();
  // One signer for all departments: it reuses a caller's token while it is fresh.
  const signCallerToken = createCallerTokenSigner(options.signingKey);
  const buildService = ({ name, url }: { name: string; url?: string }) =>
    new DepartmentDataSource(name as Department, urlFor(name, url), signCallerToken, fetcher);
  const supergraphSdl = options.composeFromSubgraphs
    ? new IntrospectAndCompose({
        subgraphs: SUBGRAPHS.map((entry) => ({ name: entry.name, url: urlFor(entry.name, entry.defaultUrl)! })),
      })
    : options.supergraphSdl;
  return new PlanningGateway(
    { supergraphSdl, buildService, queryPlannerConfig: { cache: createPlanCache() } },
    options.onPlanningFailure,
  );
}

/**
 * ApolloGateway whose planning failures are the caller's 400, not a 500. Validation and the limits
 * (gateway/limits.ts) run before the planner, so what still makes it throw (its own recursion or
 * path limits on an operation nobody foresaw) is refused as QUERY_NOT_PLANNABLE, with nothing
 * asked of any department. The executor plans and then runs the plan; running it never throws
 * (a department's failure becomes an error in the answer), so whatever it throws came from planning.
 */
class PlanningGateway extends ApolloGateway {
  constructor(config: GatewayConfig, onPlanningFailure: (error: unknown) => void = () => {}) {
    super(config);
    const execute = this.executor;
    this.executor = async (requestContext) => {
      try {
        return await execute(requestContext);
      } catch (error) {
        onPlanningFailure(error);
        const message =
          'The gateway could not plan this operation over the departments. Ask for fewer or simpler fields.';
        throw graphError('QUERY_NOT_PLANNABLE', message, { http: { status: 400 } });
      }
    };
  }
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * The deadline of the request a subgraph call is made for. RemoteGraphQLDataSource builds the
 * fetch's options itself and has no place for a signal, so the call carries it to the fetcher here.
 */
const callDeadline = new AsyncLocalStorage<AbortSignal>();

/** A fetcher that aborts a subgraph call when the request it serves reaches its deadline. */
function fetchUntilDeadline(fetcher: Fetcher): Fetcher {
  return (url, init = {}) => fetcher(url, { ...init, signal: init.signal ?? callDeadline.getStore() });
}

/**
 * How the gateway talks to one department's subgraph. A subgraph that cannot be reached or
 * answers with an HTTP error costs only that department's fields, with an error naming it
 * (the raw fetch error would carry the subgraph's address and reach callers unnamed); so does a
 * call the request's deadline cut off, or would have started after it (then it is not made).
 */
export class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly department: Department,
    url: string | undefined,
    private readonly signCallerToken: (caller: Caller, department: string) => Promise<string>,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher: fetchUntilDeadline(fetcher) });
  }

  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]) {
    // Schema loading in development (IntrospectAndCompose) runs outside any request: no deadline.
    const deadline = options.context.deadline as AbortSignal | undefined;
    if (!deadline) return super.process(options);
    if (deadline.aborted) throw departmentUnavailable(this.department, 'timeout');
    return callDeadline.run(deadline, () => super.process(options));
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    // Schema loading in development (IntrospectAndCompose) runs outside any request: anonymous.
    const requestId = context.requestId ?? 'gateway';
    request.http?.headers.set(
      CALLER_TOKEN_HEADER,
      await this.signCallerToken(context.caller ?? ANONYMOUS, this.department),
    );
    request.http?.headers.set('x-request-id', requestId);
    if (context.correlationId) request.http?.headers.set('x-correlation-id', context.correlationId);
  }

  override didEncounterError(
    error: Error,
    _request: unknown,
    response?: { status?: number },
    context?: Partial<GatewayContext>,
  ): never {
    if (context?.deadline?.aborted) throw departmentUnavailable(this.department, 'timeout', error);
    throw departmentUnavailable(this.department, response?.status ? 'fault' : 'unreachable', error);
  }
}

/**
 * A lean fetcher for subgraph calls: node:http over kept-alive connections, the body read whole.
 * It does what RemoteGraphQLDataSource needs of a fetch (status, headers, text/json) and nothing
 * else; the default, make-fetch-happen, adds an HTTP cache, retries, proxy lookup and a stack
 * trace per request (agent-base's isSecureEndpoint) that a subgraph call never uses.
 */
function createSubgraphFetcher(): Fetcher {
  const agentOptions = {
    keepAlive: true,
    maxSockets: MAX_SOCKETS_PER_SUBGRAPH,
    timeout: IDLE_CONNECTION_MS,
    scheduling: 'lifo' as const,
  };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  // The few subgraph URLs, each parsed once rather than on every call (issue 23's gateway profile).
  const targets = new Map<string, { secure: boolean; host: string; port: number; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      const secure = parsed.protocol === 'https:';
      const port = parsed.port === '' ? (secure ? 443 : 80) : Number(parsed.port);
      target = {
        secure,
        host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
        port,
        path: parsed.pathname + parsed.search,
      };
      if (targets.size >= MAX_SUBGRAPH_URLS) targets.clear();
      targets.set(url, target);
    }
    return target;
  };
  return (url, init = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const target = targetOf(url);
      const agent = target.secure ? agents['https:'] : agents['http:'];
      const body =
        init.body === undefined ? undefined : typeof init.body === 'string' ? Buffer.from(init.body) : init.body;
      const request = (target.secure ? https : http).request(
        {
          host: target.host,
          port: target.port,
          path: target.path,
          method: init.method ?? 'GET',
          headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
          agent,
          // No deadline of its own (as before): the subgraphs bound their legacy calls. 0 also
          // keeps the idle timeout above from applying while a call is in flight.
          timeout: 0,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => resolve(SubgraphResponse.from(url, response, Buffer.concat(chunks))));
        },
      );
      request.on('error', reject);
      if (init.signal) {
        const signal = init.signal as AbortSignal;
        const abort = () => request.destroy(new Error('aborted'));
        if (signal.aborted) abort();
        else {
          // One request's deadline serves all its subgraph calls: each takes its listener off when done.
          signal.addEventListener('abort', abort, { once: true });
          request.once('close', () => signal.removeEventListener('abort', abort));
        }
      }
      request.end(body);
    });
}

/** A subgraph's answer, read whole, in the shape of a fetch Response (what @apollo/gateway reads). */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  readonly ok: boolean;
  #used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: SubgraphHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  static from(url: string, message: http.IncomingMessage, body: Buffer): SubgraphResponse {
    return new SubgraphResponse(
      url,
      message.statusCode ?? 0,
      message.statusMessage ?? '',
      new SubgraphHeaders(message.headers),
      body,
    );
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  async text(): Promise<string> {
    this.#used = true;
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.#used = true;
    return new Uint8Array(this.body).buffer;
  }

  clone(): FetcherResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, new SubgraphHeaders(this.headers), this.body);
  }
}
