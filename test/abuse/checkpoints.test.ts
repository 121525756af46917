import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readJwk } from '../../core/identity/keyFiles.js';
import {
  fileCheckpointSink,
  makeCheckpoint,
  readCheckpoint,
  readCheckpointFile,
  startCheckpointExporter,
  type AccessLogStore,
  type CheckpointExporter,
  type CheckpointLog,
  type CheckpointSigner,
} from '../../access-log/index.js';
import { sqliteBackend, type TempAccessLog } from '../../access-log/testing/accessLogBackends.js';
import { startCheckpointReceiver, type CheckpointReceiver } from '../../access-log/testing/checkpointReceiver.js';
import { consistentRewriteSql } from '../../access-log/testing/consistentRewriteSql.js';
import { sampleRequest } from '../../access-log/testing/sampleEntries.js';
import { spawnSubgraph } from '../spawnSubgraph.js';

/**
 * Issue 20, finding 3 ("checkpoints can be bypassed"): a checkpoint file cut back to before a
 * consistent rewrite of the log passed `audit:verify`; a public key planted under the data folder
 * was trusted when `--keys` was not given; production kept the checkpoints on the database's host
 * only. Each attack is played here as the intruder would, against the real commands.
 */
const exec = promisify(execFile);
type Outcome = { code: number; stdout: string; stderr: string };

/** The commands' environment: the test runner's, without any AUDIT_* setting a developer may have. */
function cleanEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AUDIT_')));
  return { ...base, NODE_ENV: 'development', ...env };
}

async function runScript(script: string, args: string[], env: Record<string, string>): Promise<Outcome> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', script, ...args], {
      env: cleanEnvironment(env),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as Outcome;
    return { code, stdout, stderr };
  }
}

async function newKey(kid: string): Promise<{ signer: CheckpointSigner; keys: JSONWebKeySet }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  return { signer: { key: privateKey, kid }, keys: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' }] } };
}

async function readAll(store: AccessLogStore) {
  const records = [];
  for await (const record of store.readAll()) records.push(record);
  return records;
}

describe('audit:verify against checkpoints', () => {
  let log: TempAccessLog;
  let store: AccessLogStore;
  let folder: string;
  let dataDir: string;
  let checkpoints: string;
  let keysFile: string;
  let platform: { signer: CheckpointSigner; keys: JSONWebKeySet };
  const verify = (args: string[], env: Record<string, string> = {}) =>
    runScript('scripts/auditVerify.ts', args, { AUDIT_DATABASE_URL: log.url, DATA_DIR: dataDir, ...env });

  beforeEach(async () => {
    log = await sqliteBackend.create();
    store = await log.open();
    for (let i = 1; i <= 4; i++) await store.append(sampleRequest(`r${i}`));
    folder = mkdtempSync(join(tmpdir(), 'checkpoints-'));
    dataDir = join(folder, 'data');
    checkpoints = join(folder, 'checkpoints.jsonl');
    keysFile = join(folder, 'platform.jwks.json');
    platform = await newKey('platform-1');
    writeFileSync(keysFile, JSON.stringify(platform.keys));
  });
  afterEach(async () => {
    await log.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a file cut back to before a consistent rewrite, naming the newest checkpoint and the limit', async () => {
    // A checkpoint ten minutes ago, then two more records and a checkpoint now.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await makeCheckpoint(store, platform.signer, [fileCheckpointSink(checkpoints)], { at: tenMinutesAgo });
    for (let i = 5; i <= 6; i++) await store.append(sampleRequest(`r${i}`));
    await makeCheckpoint(store, platform.signer, [fileCheckpointSink(checkpoints)]);
    expect(await verify(['--checkpoints', checkpoints, '--keys', keysFile])).toMatchObject({
      code: 0,
      stdout: 'access log OK: 6 records in 1 chain, consistent with 2 checkpoints\n',
    });

    // The intruder rewrites the records written after the first checkpoint, hashes and head included ...
    await log.execute(consistentRewriteSql(await readAll(store), store.chain, 5, 'curiosity'));
    expect(await verify(['--checkpoints', checkpoints, '--keys', keysFile])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^access log BROKEN .* #6: .*rewritten after that checkpoint/),
    });
    // ... and cuts the checkpoint file back to before the rewrite: the chains agree with what is left.
    const kept = readCheckpointFile(checkpoints)[0]!;
    writeFileSync(checkpoints, `${JSON.stringify(kept)}\n`);
    const refused = await verify(['--checkpoints', checkpoints, '--keys', keysFile]);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    const at = tenMinutesAgo.toISOString().replace(/[.]/g, '\\.');
    expect(refused.stderr).toMatch(
      new RegExp(
        `^checkpoints TOO OLD: the newest checkpoint in .*checkpoints\\.jsonl \\(line 1\\) was signed at ${at}, ` +
          '10 min( \\d+ s)? ago, older than the limit of 25 s \\(--max-age, AUDIT_CHECKPOINT_MAX_AGE\\)',
      ),
    );

    // The limit is a setting: a tighter one refuses sooner, a looser one (an archive) accepts the file.
    expect(await verify(['--checkpoints', checkpoints, '--keys', keysFile, '--max-age', '1h'])).toMatchObject({
      code: 0,
    });
    expect(
      await verify(['--checkpoints', checkpoints, '--keys', keysFile], { AUDIT_CHECKPOINT_MAX_AGE: '5m' }),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('older than the limit of 5 min') });

    // Cut back to nothing, the file vouches for nothing.
    writeFileSync(checkpoints, '');
    expect(await verify(['--checkpoints', checkpoints, '--keys', keysFile])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^checkpoints REFUSED: .* holds no checkpoint/),
    });
  });

  it('refuses a malformed --max-age or AUDIT_CHECKPOINT_MAX_AGE', async () => {
    await makeCheckpoint(store, platform.signer, [fileCheckpointSink(checkpoints)]);
    expect(await verify(['--checkpoints', checkpoints, '--keys', keysFile, '--max-age', '25'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^--max-age must be a duration/),
    });
    expect(
      await verify(['--checkpoints', checkpoints, '--keys', keysFile], { AUDIT_CHECKPOINT_MAX_AGE: 'soon' }),
    ).toMatchObject({
      code: 78,
      stderr: expect.stringContaining('AUDIT_CHECKPOINT_MAX_AGE must be a duration with its unit'),
    });
  });

  it('never trusts a key planted in the data folder: without --keys it refuses, with the right keys the forgery fails', async () => {
    await makeCheckpoint(store, platform.signer, [fileCheckpointSink(checkpoints)]);
    // The intruder rewrites the log, plants a key of its own (the platform's kid, even) where the
    // development key lives, signs the rewritten heads with it and replaces the checkpoint file.
    await log.execute(consistentRewriteSql(await readAll(store), store.chain, 2, 'curiosity'));
    const intruder = await newKey('platform-1');
    const planted = join(dataDir, 'keys', 'audit-checkpoint.public.jwk.json');
    mkdirSync(join(dataDir, 'keys'), { recursive: true });
    writeFileSync(planted, JSON.stringify(intruder.keys.keys[0]));
    rmSync(checkpoints);
    await makeCheckpoint(store, intruder.signer, [fileCheckpointSink(checkpoints)]);

    const withoutKeys = await verify(['--checkpoints', checkpoints]);
    expect(withoutKeys).toMatchObject({ code: 2, stdout: '' });
    expect(withoutKeys.stderr).toMatch(/^no platform keys to check the checkpoints with: pass --keys/);
    expect(withoutKeys.stderr).toContain('never taken from the data folder by themselves');
    // Production does not even point at the local file.
    const production = await verify(['--checkpoints', checkpoints], { NODE_ENV: 'production' });
    expect(production).toMatchObject({ code: 2 });
    expect(production.stderr).not.toContain('audit-checkpoint.public.jwk.json');

    expect(await verify(['--checkpoints', checkpoints, '--keys', keysFile])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^access log BROKEN .*: checkpoint 1 .* cannot be trusted: its signature does not verify \(forged or altered\)/,
      ),
    });
    // The same keys from the setting; the planted key given explicitly is what the intruder hoped for.
    expect(await verify(['--checkpoints', checkpoints], { AUDIT_CHECKPOINT_PUBLIC_KEYS: keysFile })).toMatchObject({
      code: 1,
    });
    // (The age is not the point here: a loaded machine may take a while to get this far.)
    expect(await verify(['--checkpoints', checkpoints, '--keys', planted, '--max-age', '1h'])).toMatchObject({
      code: 0,
    });
  });
});

describe('production keeps checkpoints off the database host', () => {
  const production = {
    NODE_ENV: 'production',
    GATEWAY_JWKS_URL: 'https://gateway.internal/internal/jwks.json',
    AUDIT_DATABASE_URL: 'postgres://audit@db.internal:5432/audit',
    SEAL_KEYS_DIR: '/etc/city-graph/seals',
    AUDIT_CHECKPOINT_KEY_FILE: '/etc/city-graph/checkpoint.private.jwk.json',
    APPLICATIONS_DATABASE_URL: 'postgres://applications@db.internal:5432/applications',
    APPLICATIONS_SIGNING_KEY_FILE: '/etc/city-graph/applications.private.jwk.json',
    // A file on another volume of the same host: whoever administers the host rewrites it too.
    AUDIT_CHECKPOINT_EXPORT: '/mnt/other-volume/checkpoints.jsonl',
  };
  const startPlatform = (env: Record<string, string>) => runScript('subgraphs/main.ts', ['platform'], env);

  it('refuses to start the platform without an https store to export to, exit 78', async () => {
    const refused = await startPlatform(production);
    expect(refused.code).toBe(78);
    expect(refused.stderr).toContain('platform subgraph: 1 configuration problem (CONFIGURATION_INVALID)');
    expect(refused.stderr).toContain(
      'AUDIT_CHECKPOINT_EXPORT_URL (an https:// store off this host) is required when NODE_ENV=production',
    );
    expect(refused.stdout).toBe('');
  });

  it('refuses plain http, the development allowance, and a URL without a token', async () => {
    const http = await startPlatform({
      ...production,
      AUDIT_CHECKPOINT_EXPORT_URL: 'http://notary.city.example/checkpoints',
      AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE: '/etc/city-graph/notary.token',
      AUDIT_CHECKPOINT_ALLOW_HTTP: '1',
    });
    expect(http.code).toBe(78);
    expect(http.stderr).toContain('AUDIT_CHECKPOINT_ALLOW_HTTP=1 is for tests and development');
    expect(http.stderr).toContain('AUDIT_CHECKPOINT_EXPORT_URL must be https:// when NODE_ENV=production');
    const noToken = await startPlatform({
      ...production,
      AUDIT_CHECKPOINT_EXPORT_URL: 'https://notary.city.example/checkpoints',
    });
    expect(noToken).toMatchObject({
      code: 78,
      stderr: expect.stringContaining('AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE (the bearer token'),
    });
  });

  it('refuses audit:checkpoint in production without the store as well', async () => {
    const { AUDIT_CHECKPOINT_KEY_FILE, AUDIT_DATABASE_URL } = production;
    const refused = await runScript('scripts/auditCheckpoint.ts', [], {
      NODE_ENV: 'production',
      AUDIT_CHECKPOINT_KEY_FILE,
      AUDIT_DATABASE_URL,
    });
    expect(refused).toMatchObject({
      code: 78,
      stderr: expect.stringContaining('AUDIT_CHECKPOINT_EXPORT_URL (an https:// store off this host) is required'),
    });
  });
});

describe('the export off the host', () => {
  const TOKEN = 'tok-3f9a1c77e2';
  const checkpoint = (n: number) => ({ at: `2026-11-27T10:00:${String(n).padStart(2, '0')}.000Z`, jws: `jws-${n}` });
  let receiver: CheckpointReceiver;
  let exporter: CheckpointExporter | null = null;
  let logged: Array<Parameters<CheckpointLog>[0]>;
  const log: CheckpointLog = (entry) => void logged.push(entry);
  const start = (options: { maxQueued?: number; url?: string } = {}) =>
    (exporter = startCheckpointExporter({
      url: options.url ?? receiver.url,
      token: () => TOKEN,
      firstRetryMs: 10,
      maxRetryMs: 40,
      attemptTimeoutMs: 500,
      maxQueued: options.maxQueued,
      log,
    }));

  beforeEach(async () => {
    logged = [];
    receiver = await startCheckpointReceiver();
  });
  afterEach(async () => {
    exporter?.stop();
    exporter = null;
    await receiver.close();
  });

  it('posts each checkpoint in order with the bearer token and an idempotency key', async () => {
    const sink = start();
    for (const n of [1, 2, 3]) await sink.write(checkpoint(n));
    expect(await sink.flush(5_000)).toBe(true);
    expect(receiver.received.map(({ at, jws }) => ({ at, jws }))).toEqual([1, 2, 3].map(checkpoint));
    expect(receiver.received[0]).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      idempotencyKey: createHash('sha256').update('jws-1').digest('hex'),
    });
    expect(sink.name).toBe(new URL(receiver.url).origin);
  });

  it('returns from write at once while the store does not answer, and retries the hung delivery', async () => {
    receiver.failNext(1, 'hang');
    const sink = start();
    await sink.write(checkpoint(1));
    // Written and still queued: the caller (the checkpointer) never waits on the network.
    expect(sink.queued).toBe(1);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000 });
    expect(logged[0]).toMatchObject({ level: 'error', error: 'no answer in time' });
  });

  it('retries a failing store with backoff, logging each failure without the token or the path', async () => {
    receiver.failNext(3, 503);
    const sink = start();
    await sink.write(checkpoint(1));
    expect(await sink.flush(10_000)).toBe(true);
    expect(receiver.attempts()).toBe(4);
    expect(receiver.received).toHaveLength(1);
    const failures = logged.filter((entry) => entry.level === 'error');
    expect(failures.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
    expect(failures[0]).toMatchObject({ target: new URL(receiver.url).origin, error: 'answered 503' });
    expect(logged.at(-1)).toMatchObject({ level: 'info', failedAttempts: 3 });
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
    expect(JSON.stringify(logged)).not.toContain('/checkpoints');
  });

  it('keeps retrying while nothing listens', async () => {
    const url = receiver.url;
    await receiver.close();
    const sink = start({ url });
    await sink.write(checkpoint(1));
    await vi.waitFor(() => expect(logged.filter((entry) => entry.level === 'error').length).toBeGreaterThan(1));
    expect(logged[0]).toMatchObject({ error: 'ECONNREFUSED' });
    expect(await sink.flush(50)).toBe(false);
    expect(sink.queued).toBe(1);
    receiver = await startCheckpointReceiver();
  });

  it('keeps the newest checkpoints when the queue is full', async () => {
    receiver.failNext(1, 'hang');
    const sink = start({ maxQueued: 2 });
    for (const n of [1, 2, 3, 4, 5]) await sink.write(checkpoint(n));
    expect(sink.queued).toBe(2);
    expect(logged.filter((entry) => entry.level === 'warn')).toHaveLength(1);
    expect(await sink.flush(10_000)).toBe(true);
    // The first hung and was given away with the other old ones: the newest two remain.
    expect(receiver.received.map((received) => received.jws)).toEqual(['jws-4', 'jws-5']);
  });

  it('does not follow a redirect, so the token reaches the configured origin only', async () => {
    const elsewhere: string[] = [];
    const listen = (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const other = createServer((request, response) => {
      elsewhere.push(String(request.headers.authorization));
      response.writeHead(201).end();
    });
    await listen(other);
    const redirecting = createServer((_request, response) =>
      response.writeHead(307, { location: `http://127.0.0.1:${(other.address() as AddressInfo).port}/` }).end(),
    );
    await listen(redirecting);
    try {
      const sink = start({ url: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/checkpoints` });
      await sink.write(checkpoint(1));
      await vi.waitFor(() => expect(logged.filter((entry) => entry.level === 'error').length).toBeGreaterThan(0));
      expect(elsewhere).toEqual([]);
    } finally {
      exporter?.stop();
      for (const server of [other, redirecting]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it('is where the platform subgraph sends its checkpoints, also while nothing is written and when it stops', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'platform-export-'));
    const tokenFile = join(folder, 'notary.token');
    writeFileSync(tokenFile, `${TOKEN}\n`);
    const env = {
      DATA_DIR: join(folder, 'data'),
      AUDIT_DATABASE_URL: `sqlite:${join(folder, 'access-log.db')}`,
      AUDIT_CHECKPOINT_EXPORT: join(folder, 'local-checkpoints.jsonl'),
      AUDIT_CHECKPOINT_EXPORT_URL: receiver.url,
      AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE: tokenFile,
      AUDIT_CHECKPOINT_ALLOW_HTTP: '1',
      AUDIT_CHECKPOINT_INTERVAL_MS: '200',
      LOG_LEVEL: 'info',
    };
    // The store refuses the first two deliveries: the platform serves regardless and retries.
    receiver.failNext(2, 503);
    const platform = await spawnSubgraph('platform', env);
    let output = '';
    platform.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      expect((await fetch(`${platform.url}/health`)).status).toBe(200);
      await vi.waitFor(() => expect(receiver.received.length).toBeGreaterThanOrEqual(2), { timeout: 20_000 });
      const publicKey = readJwk(join(env.DATA_DIR, 'keys', 'audit-checkpoint.public.jwk.json'));
      for (const received of receiver.received) {
        expect(received.authorization).toBe(`Bearer ${TOKEN}`);
        expect(await readCheckpoint(received.jws, { keys: [publicKey] })).toMatchObject({ ok: true });
      }
      // What the store holds is what an auditor verifies against: recent, so it passes.
      const file = join(folder, 'from-the-store.jsonl');
      writeFileSync(file, receiver.received.map(({ at, jws }) => `${JSON.stringify({ at, jws })}\n`).join(''));
      const keys = join(env.DATA_DIR, 'keys', 'audit-checkpoint.public.jwk.json');
      const verified = await runScript('scripts/auditVerify.ts', ['--checkpoints', file, '--keys', keys], {
        AUDIT_DATABASE_URL: env.AUDIT_DATABASE_URL,
        DATA_DIR: env.DATA_DIR,
      });
      expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^access log OK: /) });
      const before = receiver.received.length;
      await platform.close();
      // Stopping signs one last checkpoint and delivers it before the process ends.
      expect(receiver.received.length).toBeGreaterThan(before);
      expect(output).toContain('access log checkpoint not exported; retrying');
      expect(output).toContain(new URL(receiver.url).origin);
      expect(output).not.toContain(TOKEN);
    } finally {
      await platform.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
