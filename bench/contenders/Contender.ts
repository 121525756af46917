import type { DeployedBackend } from '../deployed/startDeployedBackend.js';
import type { LoadScenario } from '../LoadScenario.js';

/** The HTTP requests of one scenario as the load generator sends them, one subject after another. */
export interface LoadRequest {
  url: string;
  method: 'POST';
  /** One per subject of the scenario, in its order. */
  variants: Array<{ headers: Record<string, string>; body: string }>;
}

/** What every contender is started with: the same back end (and its identity provider) and supergraph. */
export interface ContenderContext {
  backend: DeployedBackend;
  /** The committed supergraph.graphql. */
  supergraphSdl: string;
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

/** One of the five ways to answer the portal, measured side by side (issues 7 and 23). */
export interface Contender {
  id: 1 | 2 | 3 | 4 | 5;
  name: string;
  start(context: ContenderContext): Promise<RunningContender>;
}
