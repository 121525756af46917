import http from 'node:http';
import https from 'node:https';
import axios, { type AxiosInstance, type CreateAxiosDefaults } from 'axios';

/** One legacy system's HTTP: an axios instance on keep-alive agents, and a way to end the connections. */
export interface LegacyHttp {
  readonly axios: AxiosInstance;
  /** Ends the kept-alive connections, for shutdown; requests after it open new ones. */
  close(): void;
}

/**
 * The connections to one legacy system, kept alive because a loader batch per query level means
 * many small calls. `maxSockets` caps the connections an old system is asked to hold; absent,
 * Node's default applies (the guard's bulkhead still bounds the calls in flight).
 */
export function createLegacyHttp(maxSockets?: number, config: CreateAxiosDefaults = {}): LegacyHttp {
  const agentOptions: http.AgentOptions =
    maxSockets === undefined ? { keepAlive: true } : { keepAlive: true, maxSockets };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);
  return {
    axios: axios.create({ ...config, httpAgent, httpsAgent }),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
