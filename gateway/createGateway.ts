import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { CryptoKey } from 'jose';
import { ANONYMOUS, CALLER_TOKEN_HEADER, departmentUnavailable, signCallerToken, type Department } from '../subgraphs/kit/index.js';
import type { GatewayContext } from './context.js';
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
}

/**
 * The federated gateway: plans each portal query over the departments' subgraphs and sends each
 * subgraph its part, with the request id so one request can be followed through every log.
 */
export function createGateway(options: GatewayOptions): ApolloGateway {
  const urlFor = (name: string, url: string | undefined) => options.subgraphUrls?.[name] ?? url;
  const buildService = ({ name, url }: { name: string; url?: string }) => new DepartmentDataSource(name as Department, urlFor(name, url), options.signingKey);
  if (options.composeFromSubgraphs) {
    return new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: SUBGRAPHS.map((entry) => ({ name: entry.name, url: urlFor(entry.name, entry.defaultUrl)! })),
      }),
      buildService,
    });
  }
  return new ApolloGateway({ supergraphSdl: options.supergraphSdl, buildService });
}

/**
 * How the gateway talks to one department's subgraph. A subgraph that cannot be reached or
 * answers with an HTTP error costs only that department's fields, with an error naming it
 * (the raw fetch error would carry the subgraph's address and reach callers unnamed).
 */
class DepartmentDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly department: Department,
    url: string | undefined,
    private readonly signingKey: { key: CryptoKey; kid?: string },
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    // Schema loading in development (IntrospectAndCompose) runs outside any request: anonymous.
    const requestId = context.requestId ?? 'gateway';
    const tokens = context.callerTokens ?? new Map<string, Promise<string>>();
    let token = tokens.get(this.department);
    if (!token) {
      token = signCallerToken(context.caller ?? ANONYMOUS, { ...this.signingKey, department: this.department, requestId });
      tokens.set(this.department, token);
    }
    request.http?.headers.set(CALLER_TOKEN_HEADER, await token);
    request.http?.headers.set('x-request-id', requestId);
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status?: number }): never {
    throw departmentUnavailable(this.department, response?.status ? 'fault' : 'unreachable', error);
  }
}
