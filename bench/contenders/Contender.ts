import type { CallerClaims } from '../../test/harness.js';
import type { LoadScenario } from '../LoadScenario.js';
import type { BackendAddresses } from '../processes/BackendAddresses.js';

/** The HTTP requests of one scenario as the load generator sends them, one subject after another. */
export interface LoadRequest {
  url: string;
  method: 'POST';
  /** One per subject of the scenario, in its order. */
  variants: Array<{ headers: Record<string, string>; body: string }>;
}

/** What every contender is started with: the same back end, supergraph and identity provider. */
export interface ContenderContext {
  backend: BackendAddresses;
  /** The committed supergraph.graphql. */
  supergraphSdl: string;
  /** The test identity provider and the gateway's key pair (our gateway only). */
  identity: { issuer: string; audience: string; issuerPublicJwk: object; gatewayPrivateJwk: object };
  /** A portal token for these claims, signed by the identity provider. */
  tokenFor(claims: CallerClaims): Promise<string>;
  /** Extra Node options for the contender's process (e.g. --cpu-prof). */
  execArgv?: string[];
}

export interface RunningContender {
  /** The process whose CPU time and memory are the contender's (its children are counted too). */
  pid: number;
  /** How this contender is asked the scenario's question, for each of its subjects. */
  requestFor(scenario: LoadScenario): Promise<LoadRequest>;
  stop(): Promise<void>;
}

/** One of the five ways to answer the portal, measured side by side (issue 7), or 6: contender 1 before a change. */
export interface Contender {
  id: 1 | 2 | 3 | 4 | 5 | 6;
  name: string;
  start(context: ContenderContext): Promise<RunningContender>;
}
