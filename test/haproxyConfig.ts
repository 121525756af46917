import { createServer } from 'node:net';

/**
 * HAProxy's configuration for the replicas test: the same shape as deploy/haproxy.cfg (one
 * frontend for the gateways, one per department's subgraphs), on the ports the test picked.
 */
export interface HaproxyTopology {
  gateway: { bind: number; servers: readonly number[] };
  subgraphs: ReadonlyArray<{ name: string; bind: number; servers: readonly number[] }>;
}

export function haproxyConfig(topology: HaproxyTopology): string {
  const backend = (name: string, servers: readonly number[], options: readonly string[] = []) =>
    [
      `backend ${name}`,
      '  balance roundrobin',
      ...options,
      // Readiness as Kubernetes means it: a replica leaves the pool when /ready fails, not /health.
      '  option httpchk GET /ready',
      '  http-check expect status 200',
      ...servers.map((port, index) => `  server ${name}-${index} 127.0.0.1:${port} check inter 500ms fall 3 rise 2`),
    ].join('\n');
  const frontend = (name: string, bind: number, target: string) =>
    [`frontend ${name}`, `  bind 127.0.0.1:${bind}`, `  default_backend ${target}`].join('\n');
  return [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 30s',
    '  timeout server 30s',
    // A readiness answer under load can take a while: the gateway's asks every subgraph.
    '  timeout check 2s',
    // A replica that died is tried no more: a request it refuses goes to another. One it had
    // already taken is not replayed: a GraphQL POST may be a mutation (a certificate issued).
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure',
    // A new connection to the replica for each request: one kept open to a replica that just died
    // would take a request the replica never sees, and that request would fail though it came later.
    '  option http-server-close',
    '  http-reuse never',
    frontend('gateway', topology.gateway.bind, 'gateways'),
    // The caller's address for the gateways' limits (their TRUSTED_PROXIES names this balancer).
    backend('gateways', topology.gateway.servers, ['  option forwardfor']),
    ...topology.subgraphs.flatMap((subgraph) => [
      frontend(subgraph.name, subgraph.bind, `${subgraph.name}_subgraphs`),
      backend(`${subgraph.name}_subgraphs`, subgraph.servers),
    ]),
    '',
  ].join('\n');
}

const pickedPorts = new Set<number>();

/**
 * A free port below the system's ephemeral range (32768 and up on Linux), never the same twice
 * in one process: HAProxy's configuration names every port before the processes start, and a
 * port picked from the ephemeral range could be handed to another test's socket in the meantime.
 */
export async function freePortBelowEphemeralRange(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (pickedPorts.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (!free) continue;
    pickedPorts.add(port);
    return port;
  }
}
