import { describe, expect, it } from 'vitest';
import type { AccessLogStore, CertificateRegister } from '../../access-log/index.js';
import type { GatewayVerificationKey } from '../../core/identity/callerToken.js';
import { defineDepartment, type ResolverParts } from './defineDepartment.js';
import { startDepartment } from './startDepartment.js';

// Everything here stops before startSubgraph would listen: the resolver map is built first, so a
// resolvers() that throws a sentinel shows what startDepartment handed the definition.
const gatewayKey = {} as GatewayVerificationKey;
const schema = new URL('../tax/schema.graphql', import.meta.url);
const STOP = 'stopped before serving';
const stores = { accessLog: {} as AccessLogStore, certificates: {} as CertificateRegister };

describe('defineDepartment', () => {
  it('is data: it returns the definition as given, and calls none of its parts', () => {
    const fail = () => expect.fail('a part was called at definition');
    const definition = { name: 'tax' as const, schema, client: fail, loaders: fail, resolvers: fail, subjects: {} };
    expect(defineDepartment(definition)).toBe(definition);
  });
});

describe('startDepartment', () => {
  it("builds a legacy department's client over its URL, the guard and its credentials, and gives its resolvers an issuer only when asked", async () => {
    const seen: Array<{ url: string; apiKey?: string; certificates: unknown }> = [];
    const client = { url: '', apiKey: undefined as string | undefined, close() {} };
    const define = (certificates: boolean) =>
      defineDepartment({
        name: 'tax',
        schema,
        client: ({ url, guard, credentials }) => {
          expect(typeof guard.run).toBe('function');
          return { ...client, url, apiKey: credentials.apiKey };
        },
        loaders: () => ({}),
        resolvers: ({ client: built, certificates: issuer }: ResolverParts<typeof client, boolean>) => {
          seen.push({ url: built.url, apiKey: built.apiKey, certificates: issuer });
          throw new Error(STOP);
        },
        subjects: {},
        certificates,
      });
    const settings = {
      gatewayKey,
      accessLog: null,
      legacyUrl: 'http://127.0.0.1:9',
      legacyCredentials: { apiKey: 'k' },
      production: true,
    };
    await expect(startDepartment(define(true), settings)).rejects.toThrow(STOP);
    await expect(startDepartment(define(false), settings)).rejects.toThrow(STOP);
    expect(seen.map(({ url, apiKey }) => ({ url, apiKey }))).toEqual([
      { url: 'http://127.0.0.1:9', apiKey: 'k' },
      { url: 'http://127.0.0.1:9', apiKey: 'k' },
    ]);
    expect(typeof (seen[0]!.certificates as { issue?: unknown }).issue).toBe('function');
    expect(seen[1]!.certificates).toBeNull();
  });

  it('refuses a legacy department without its URL, saying which', async () => {
    const definition = defineDepartment({
      name: 'social',
      schema,
      client: () => expect.fail('no client without a URL'),
      loaders: () => ({}),
      resolvers: () => ({}),
      subjects: {},
    });
    await expect(startDepartment(definition, { gatewayKey, accessLog: null })).rejects.toThrow(
      'social subgraph: no legacy system URL in its settings',
    );
  });

  it('gives a department without a legacy system the open stores, and refuses to start it without them', async () => {
    let given: unknown;
    const definition = defineDepartment({
      name: 'platform',
      schema,
      stores: (open) => (given = open),
      loaders: () => ({}),
      resolvers: () => {
        throw new Error(STOP);
      },
      subjects: {},
    });
    await expect(startDepartment(definition, { gatewayKey, ...stores })).rejects.toThrow(STOP);
    // Without an applications front desk in its settings, its applications fields have none.
    expect(given).toEqual({ ...stores, applications: null });
    await expect(startDepartment(definition, { gatewayKey, accessLog: stores.accessLog })).rejects.toThrow(
      'platform subgraph: it reads the access log and the certificate register; open both',
    );
  });
});
