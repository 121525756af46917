import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EngineProcess {
  child: ChildProcess;
  /** SIGKILL: no shutdown, no flush; what a crash or an OOM kill does. */
  kill(): Promise<void>;
  /** SIGTERM: DBOS's own shutdown. */
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./engineProcess.ts', import.meta.url));

/** Starts a worker replica as a process and waits for its `engine ready` line. */
export async function startEngineProcess(settings: {
  databaseUrl: string;
  schema: string;
  executorId: string;
  /** The DepartmentStandIn it acts on; or, with `gateway`, a stack's gateway it acts through. */
  standInUrl?: string;
  gateway?: { graphqlUrl: string; serviceKey: string; audience: string };
}): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: {
      ...process.env,
      APPLICATIONS_TEST_DATABASE_URL: settings.databaseUrl,
      APPLICATIONS_TEST_SCHEMA: settings.schema,
      APPLICATIONS_TEST_EXECUTOR_ID: settings.executorId,
      ...(settings.standInUrl ? { APPLICATIONS_TEST_STAND_IN_URL: settings.standInUrl } : {}),
      ...(settings.gateway
        ? {
            APPLICATIONS_TEST_GATEWAY_URL: settings.gateway.graphqlUrl,
            APPLICATIONS_TEST_SERVICE_KEY: settings.gateway.serviceKey,
            APPLICATIONS_TEST_AUDIENCE: settings.gateway.audience,
          }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('engine ready')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`The engine process exited (${code}) before it was ready:\n${output}`)),
    );
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
