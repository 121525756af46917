import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from './context.js';
import { SUBGRAPHS } from './subgraphList.js';

export interface GatewayOptions {
  /** The committed supergraph (production practice); ignored when `composeFromSubgraphs` is set. */
  supergraphSdl: string;
  /** Where each subgraph is, by name; defaults to the routing URLs of the supergraph. */
  subgraphUrls?: Partial<Record<string, string>>;
  /** Development: compose from the running subgraphs' SDL instead of the committed supergraph. */
  composeFromSubgraphs?: boolean;
}

/**
 * The federated gateway: plans each portal query over the departments' subgraphs and sends each
 * subgraph its part, with the request id so one request can be followed through every log.
 */
export function createGateway(options: GatewayOptions): ApolloGateway {
  const urlFor = (name: string, url: string | undefined) => options.subgraphUrls?.[name] ?? url;
  const buildService = ({ name, url }: { name: string; url?: string }) =>
    new RemoteGraphQLDataSource<GatewayContext>({
      url: urlFor(name, url),
      willSendRequest({ request, context }) {
        if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
      },
    });
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
