import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileCheckpointSink, makeCheckpoint } from '../access-log/index.js';
import { probeBackends, sqliteBackend, type TempAccessLog } from '../access-log/testing/accessLogBackends.js';
import { sampleRequest, SUBJECTS } from '../access-log/testing/sampleEntries.js';

const run = promisify(execFile);
type Failure = { code: number; stdout: string; stderr: string };
// Keys and limits come from the arguments here, never from a developer's own AUDIT_* settings.
const withoutAuditSettings = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AUDIT_')));
const auditVerify = (url: string, ...args: string[]) => auditVerifyWith({}, url, ...args);
const auditVerifyWith = (env: Record<string, string>, url: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/auditVerify.ts', ...args], {
    env: { ...withoutAuditSettings(), ...env, AUDIT_DATABASE_URL: url },
  }).catch((error: Failure) => error);

for (const backend of await probeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`npm run audit:verify on ${backend.name}`, () => {
    let log: TempAccessLog;
    let folder: string;
    let chain: string;
    beforeEach(async () => {
      log = await backend.create();
      folder = mkdtempSync(join(tmpdir(), 'checkpoints-'));
      const store = await log.open();
      chain = store.chain;
      for (let i = 1; i <= 4; i++) await store.append(sampleRequest(`r${i}`));
      await (await log.open()).append(sampleRequest('other'));
      await store.close();
    });
    afterEach(async () => {
      await log.dispose();
      rmSync(folder, { recursive: true, force: true });
    });

    it('prints the record and chain counts and exits 0 for an intact log', async () => {
      expect(await auditVerify(log.url)).toMatchObject({
        stdout: 'access log OK: 5 records in 2 chains\n',
        stderr: '',
      });
    });

    it('names the chain and the first broken record and exits 1 for a tampered log', async () => {
      await log.execute(`UPDATE access_records SET caller_sub = 'someone-else' WHERE chain = '${chain}' AND seq = 3`);
      expect(await auditVerify(log.url)).toMatchObject({
        code: 1,
        stderr: `access log BROKEN in chain ${chain} at record #3: its content does not match its hash (changed)\n`,
      });
    });

    it('checks the log against exported checkpoints signed with the keys given', async () => {
      const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
      const keysFile = join(folder, 'platform.jwks.json');
      writeFileSync(keysFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'p1', alg: 'EdDSA' }] }));
      const checkpoints = join(folder, 'checkpoints.jsonl');
      const store = await log.open();
      await makeCheckpoint(store, { key: privateKey, kid: 'p1' }, [fileCheckpointSink(checkpoints)]);
      expect(await auditVerify(log.url, '--checkpoints', checkpoints, '--keys', keysFile)).toMatchObject({
        stdout: 'access log OK: 5 records in 2 chains, consistent with 1 checkpoint\n',
      });
      // Cut the tail of a chain and its head row to match: only the checkpoint knows.
      const [head] = (await store.readChains()).filter((candidate) => candidate.chain === chain);
      const [third] = (await store.readBySubject(SUBJECTS.citizen, { first: 100 })).records.filter(
        (record) => record.chain === chain && record.seq === 3,
      );
      await log.execute(
        `DELETE FROM access_record_subjects WHERE record_id IN (SELECT id FROM access_records WHERE chain = '${chain}' AND seq = 4); ` +
          `DELETE FROM access_records WHERE chain = '${chain}' AND seq = 4; UPDATE access_chains SET last_seq = 3, last_hash = '${third!.hash}' WHERE chain = '${chain}'`,
      );
      expect(head!.seq).toBe(4);
      expect(await auditVerify(log.url)).toMatchObject({ stdout: 'access log OK: 4 records in 2 chains\n' });
      expect(await auditVerify(log.url, '--checkpoints', checkpoints, '--keys', keysFile)).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          new RegExp(
            `^access log BROKEN in chain ${chain.replace(/[.]/g, '\\.')} at record #4: the checkpoint of .* signed #4 of this chain, but it ends at #3`,
          ),
        ),
      });
    });
  });
}

describe('npm run audit:verify without a log', () => {
  let folder: string;
  beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'access-log-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('exits 2 rather than report an empty log as intact when the location holds none', async () => {
    const failure = await auditVerify(join(folder, 'mistyped.db'));
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cannot open the access log/) });
  });
});

describe('npm run audit:verify: where the keys come from', () => {
  let log: TempAccessLog;
  let folder: string;
  beforeEach(async () => {
    log = await sqliteBackend.create();
    folder = mkdtempSync(join(tmpdir(), 'checkpoint-keys-'));
  });
  afterEach(async () => {
    await log.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses --keys or --max-age without --checkpoints', async () => {
    expect(await auditVerify(log.url, '--max-age', '1h')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^--keys and --max-age go with --checkpoints/),
    });
  });

  it('takes the key set from a URL, plain http only with the development allowance', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const keys = { keys: [{ ...(await exportJWK(publicKey)), kid: 'p1', alg: 'EdDSA' }] };
    const server = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkpoint-keys.json`;
      const checkpoints = join(folder, 'checkpoints.jsonl');
      await makeCheckpoint(await log.open(), { key: privateKey, kid: 'p1' }, [fileCheckpointSink(checkpoints)]);
      expect(await auditVerify(log.url, '--checkpoints', checkpoints, '--keys', url)).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('the key set must come over https://'),
      });
      expect(
        await auditVerifyWith(
          { AUDIT_CHECKPOINT_ALLOW_HTTP: '1', AUDIT_CHECKPOINT_PUBLIC_KEYS: url },
          log.url,
          '--checkpoints',
          checkpoints,
        ),
      ).toMatchObject({ stdout: 'access log OK: 0 records in 0 chains, consistent with 1 checkpoint\n' });
      expect(
        await auditVerifyWith({ AUDIT_CHECKPOINT_PUBLIC_KEYS: url }, log.url, '--checkpoints', checkpoints),
      ).toMatchObject({ code: 78, stderr: expect.stringContaining('AUDIT_CHECKPOINT_PUBLIC_KEYS is plain http://') });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
