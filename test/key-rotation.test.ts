import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyProfileDocument } from '../examples/generated/operations.js';
import { gatewayKeyResolver, watchSigningKey, type WatchedSigningKey } from '../core/index.js';
import { startStack, type Stack } from './harness.js';

/**
 * The gateway's key rotated while requests flow (docs/production.md, "Rotating the gateway's
 * key"): the new key published, then used, then the old one retired — and no request refused.
 */
const folder = mkdtempSync(join(tmpdir(), 'key-rotation-'));
const signingFile = join(folder, 'gateway.private.jwk.json');
const publishedFile = join(folder, 'gateway.jwks.json');
let stack: Stack;
let signingKey: WatchedSigningKey;

async function keyPair(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    kid,
    privateKey,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' } as JWK,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } as JWK,
  };
}
const write = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value));

let oldKey: Awaited<ReturnType<typeof keyPair>>;
let newKey: Awaited<ReturnType<typeof keyPair>>;

beforeAll(async () => {
  oldKey = await keyPair('gateway-2026-11');
  newKey = await keyPair('gateway-2026-12');
  write(publishedFile, { keys: [oldKey.publicJwk] });
  write(signingFile, oldKey.privateJwk);
  signingKey = await watchSigningKey({ file: signingFile, publishedFile });
  stack = await startStack({
    gatewaySigningKey: signingKey,
    gatewayTrust: gatewayKeyResolver({ jwksFile: publishedFile }),
  });
});
afterAll(async () => {
  signingKey?.stop();
  await stack?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A caller token as a gateway holding `key` would sign it, sent straight to the tax subgraph. */
async function askTaxDirectly(key: Awaited<ReturnType<typeof keyPair>>): Promise<number> {
  const token = await new SignJWT({ kind: 'anonymous', purpose: null })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer('city-graph-gateway')
    .setAudience('tax')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key.privateKey);
  const response = await fetch(`${stack.subgraphs.tax.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-caller-token': token },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return response.status;
}

/** Waits for a condition by asking again, a bounded number of times (no fixed sleep decides). */
async function eventually(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describe("rotating the gateway's key under load", () => {
  it('publishes, switches and retires without refusing a request', async () => {
    const uscc = stack.dataSet.fixtures.companyInArrears;
    const outcomes: Array<{ phase: string; refused: boolean; codes: unknown[] }> = [];
    let phase = 'old key';
    let running = true;
    const worker = async () => {
      while (running) {
        const at = phase;
        const response = await stack.query(
          CompanyProfileDocument,
          { uscc, year: 2025 },
          { as: { kind: 'company', sub: uscc } },
        );
        const codes = (response.errors ?? []).map((error) => error.extensions?.code);
        outcomes.push({ phase: at, refused: response.status !== 200 || codes.length > 0, codes });
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    const completedSince = (count: number) => outcomes.length >= count;

    await eventually(() => completedSince(12), 'requests under the old key');
    // 1. Publish the new key beside the old one: subgraphs know it before anyone uses it.
    phase = 'both published';
    write(publishedFile, { keys: [oldKey.publicJwk, newKey.publicJwk] });
    await eventually(async () => (await askTaxDirectly(newKey)) === 200, 'the new key trusted');
    // Requests keep flowing while both keys are published (six workers: twelve more completions start some in this phase).
    const publishedAt = outcomes.length;
    await eventually(() => completedSince(publishedAt + 12), 'requests while both keys are published');
    // 2. The gateway signs with the new key (its file replaced; it reads it again, no restart).
    write(signingFile, newKey.privateJwk);
    await eventually(() => signingKey.kid === newKey.kid, 'the gateway signing with the new key');
    phase = 'new key';
    // Every request in flight under the old key has finished once each worker completed two more.
    const switchedAt = outcomes.length;
    await eventually(() => completedSince(switchedAt + 12), 'requests under the new key');
    // 3. Retire the old key: a token signed with it is refused from now on.
    write(publishedFile, { keys: [newKey.publicJwk] });
    await eventually(async () => (await askTaxDirectly(oldKey)) === 401, 'the old key retired');
    phase = 'old key retired';
    const retiredAt = outcomes.length;
    await eventually(() => completedSince(retiredAt + 12), 'requests after the retirement');
    running = false;
    await Promise.all(workers);

    expect(outcomes.filter((outcome) => outcome.refused)).toEqual([]);
    const phases = new Set(outcomes.map((outcome) => outcome.phase));
    expect(phases).toEqual(new Set(['old key', 'both published', 'new key', 'old key retired']));
    expect(await askTaxDirectly(newKey)).toBe(200);
  });

  it('does not switch to a key that is not published yet', async () => {
    const unpublished = await keyPair('gateway-unpublished');
    const events: string[] = [];
    const watched = await watchSigningKey({
      file: signingFile,
      publishedFile,
      onEvent: ({ msg }) => events.push(msg),
    });
    try {
      write(signingFile, unpublished.privateJwk);
      await eventually(() => events.length > 0, 'the refusal reported');
      expect(events[0]).toMatch(/not published/);
      expect(watched.kid).toBe(newKey.kid);
    } finally {
      watched.stop();
      write(signingFile, newKey.privateJwk);
    }
  });
});
