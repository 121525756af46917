/**
 * Contender 3: what a team gets out of the box. `@apollo/gateway` + `@apollo/server` with their
 * default settings (the standalone server, default data sources), serving the same supergraph
 * with its routing URLs pointed at the subgraphs started without protections. Plain JavaScript
 * on plain Node, as such a team would run it (no TypeScript loader in the process).
 */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const supergraphSdl = process.env.BENCH_SUPERGRAPH ?? '';
const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
process.send?.({ ready: { url } });

const stop = () => server.stop().finally(() => process.exit(0));
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
