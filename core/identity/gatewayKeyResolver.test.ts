import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayKeyResolver } from './gatewayKeyResolver.js';

/** The gateway's published set over HTTP (GATEWAY_JWKS_URL), as a gateway serves it at /internal/jwks.json. */
let published: JWK[] = [];
let fetches = 0;
let server: Server;
let url: string;

async function key(kid: string) {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256' } };
}
const tokenFrom = (signer: Awaited<ReturnType<typeof key>>) =>
  new SignJWT({ kind: 'anonymous' })
    .setProtectedHeader({ alg: 'ES256', kid: signer.kid })
    .setIssuer('city-graph-gateway')
    .setAudience('tax')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(signer.privateKey);

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the gateway key set over HTTP', () => {
  it('picks the key by kid, and fetches the set again for a kid it does not hold', async () => {
    const old = await key('gateway-1');
    const next = await key('gateway-2');
    published = [old.publicJwk];
    const keys = gatewayKeyResolver({ jwksUrl: url });
    const verify = async (token: string) =>
      (await jwtVerify(token, keys, { issuer: 'city-graph-gateway', audience: 'tax' })).protectedHeader.kid;
    expect(await verify(await tokenFrom(old))).toBe('gateway-1');
    const before = fetches;
    // Published, then used: the first token naming the new kid makes the subgraph fetch again.
    published = [old.publicJwk, next.publicJwk];
    const token = await tokenFrom(next);
    let verified: string | undefined;
    // A refetch waits out a one-second cooldown after the last one; ask again until it is over.
    for (let attempt = 0; attempt < 100 && verified === undefined; attempt++) {
      verified = await verify(token).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return undefined;
      });
    }
    expect(verified).toBe('gateway-2');
    expect(fetches).toBe(before + 1);
    // A token from a key never published is refused.
    await expect(verify(await tokenFrom(await key('gateway-unknown')))).rejects.toThrow();
  });
});
