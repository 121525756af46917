import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessLogStore } from '../store/AccessLogStore.js';
import {
  fileCheckpointSink,
  makeCheckpoint,
  newestCheckpoint,
  readCheckpointFile,
  readCheckpointKeys,
  startCheckpointer,
  type CheckpointSigner,
} from './checkpoints.js';
import { sqliteBackend, type TempAccessLog } from '../testing/accessLogBackends.js';
import { sampleRequest } from '../testing/sampleEntries.js';

async function newPlatformKey(): Promise<{ signer: CheckpointSigner; keys: JSONWebKeySet; privateJwk: object }> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const kid = 'platform-1';
  return {
    signer: { key: privateKey, kid },
    keys: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' }] },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' },
  };
}

describe('checkpoints', () => {
  let log: TempAccessLog;
  let store: AccessLogStore;
  let folder: string;
  beforeEach(async () => {
    log = await sqliteBackend.create();
    store = await log.open();
    await store.append(sampleRequest('r1'));
    folder = mkdtempSync(join(tmpdir(), 'checkpoints-'));
  });
  afterEach(async () => {
    await log.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('are signed every interval also while nothing is written, so their age shows the platform was signing', async () => {
    const { signer } = await newPlatformKey();
    const file = join(folder, 'checkpoints.jsonl');
    const checkpointer = startCheckpointer({
      store,
      signer,
      sinks: [fileCheckpointSink(file)],
      intervalMs: 30,
      pollMs: 10,
      log: () => {},
    });
    try {
      await vi.waitFor(() => expect(readCheckpointFile(file).length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    } finally {
      await checkpointer.stop();
    }
    const ats = readCheckpointFile(file).map((checkpoint) => checkpoint.at);
    expect(new Set(ats).size).toBe(ats.length);
  });

  it("are dated by their signed time, not by the line's own, and a forged last line is passed over", async () => {
    const platform = await newPlatformKey();
    const file = join(folder, 'checkpoints.jsonl');
    const signedAt = new Date(Date.now() - 3_600_000);
    await makeCheckpoint(store, platform.signer, [fileCheckpointSink(file)], { at: signedAt });
    const forger = await newPlatformKey();
    await makeCheckpoint(store, forger.signer, [fileCheckpointSink(file)]);
    // The line's `at` says "now"; only the signed statement counts.
    const lines = readCheckpointFile(file).map((line) => ({ ...line, at: new Date().toISOString() }));
    expect(await newestCheckpoint(lines, platform.keys)).toMatchObject({
      line: 1,
      checkpoint: { at: signedAt.toISOString() },
    });
    expect(await newestCheckpoint([], platform.keys)).toBeNull();
  });
});

describe('the keys checkpoints are verified with', () => {
  let folder: string;
  beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'checkpoint-keys-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('come from a JWKS file or one public JWK file', async () => {
    const { keys } = await newPlatformKey();
    writeFileSync(join(folder, 'set.json'), JSON.stringify(keys));
    writeFileSync(join(folder, 'one.json'), JSON.stringify(keys.keys[0]));
    expect(await readCheckpointKeys(join(folder, 'set.json'))).toEqual(keys);
    expect(await readCheckpointKeys(join(folder, 'one.json'))).toEqual(keys);
  });

  it('refuse a private key, a file that holds no key, and plain http without the development allowance', async () => {
    const { privateJwk } = await newPlatformKey();
    writeFileSync(join(folder, 'private.json'), JSON.stringify({ keys: [privateJwk] }));
    await expect(readCheckpointKeys(join(folder, 'private.json'))).rejects.toThrow(/holds a private key/);
    writeFileSync(join(folder, 'other.json'), JSON.stringify({ hello: 'world' }));
    await expect(readCheckpointKeys(join(folder, 'other.json'))).rejects.toThrow(/neither a JWKS .* nor a public JWK/);
    await expect(readCheckpointKeys('http://keys.city.example/jwks.json')).rejects.toThrow(/must come over https/);
  });
});
