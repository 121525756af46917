import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../../gateway/gatewayConfig.js';
import { readSubgraphConfig } from '../../subgraphs/kit/subgraphConfig.js';
import { readLegacyMockConfig } from '../../legacy-mocks/legacyMockConfig.js';
import { repositoryRoot } from '../repositoryRoot.js';
import { ConfigurationError } from './ConfigurationError.js';

function problemsOf(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigurationError) return [...error.problems];
    throw error;
  }
  return [];
}

const productionGateway = {
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://login.city.example/jwks.json',
  AUTH_ISSUER: 'https://login.city.example',
  GATEWAY_PRIVATE_KEY_FILE: '/etc/city-graph/gateway.private.jwk.json',
  GATEWAY_JWKS_FILE: '/etc/city-graph/gateway.jwks.json',
  APPLICATIONS_PUBLIC_KEY_FILE: '/etc/city-graph/applications.public.jwk.json',
};

const productionSubgraph = {
  NODE_ENV: 'production',
  GATEWAY_JWKS_URL: 'http://gateway.internal:4000/internal/jwks.json',
  AUDIT_DATABASE_URL: 'postgres://audit@db.internal:5432/audit',
  SEAL_KEYS_DIR: '/etc/city-graph/seals',
};

describe('development', () => {
  it('starts with no variable at all, on the registry defaults', () => {
    expect(readGatewayConfig({})).toMatchObject({ port: 4000, host: '127.0.0.1', production: false });
    expect(readSubgraphConfig('tax', {})).toMatchObject({ port: 4002, legacyUrl: 'http://127.0.0.1:5002' });
    expect(readLegacyMockConfig('social', {})).toEqual({
      port: 5003,
      host: '127.0.0.1',
      dataSeed: 20_261_127,
      legacyCredentials: {},
      // Its writes' overlay: legacy/ under DATA_DIR, whose default is data/ at the repository's root.
      dataDir: join(repositoryRoot(), 'data', 'legacy'),
    });
  });

  it('lists every malformed variable at once, naming each', () => {
    const problems = problemsOf(() =>
      readSubgraphConfig('tax', { TAX_SUBGRAPH_PORT: '70000', TAX_LEGACY_URL: 'ftp://x', LEGACY_TIMEOUT_MS: '-1' }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^TAX_SUBGRAPH_PORT must be a port number/),
      expect.stringMatching(/^TAX_LEGACY_URL must be an http/),
      expect.stringMatching(/^LEGACY_TIMEOUT_MS must be a positive number/),
    ]);
  });

  it('never prints a secret, even a malformed one', () => {
    const problems = problemsOf(() => readSubgraphConfig('tax', { TAX_LEGACY_API_KEY: '   ' }));
    expect(problems).toEqual([]);
    const gateway = problemsOf(() => readGatewayConfig({ GATEWAY_PORT: 'abc' }));
    expect(gateway).toEqual(['GATEWAY_PORT must be a port number from 0 to 65535 (got "abc")']);
  });
});

describe('production', () => {
  it('refuses the development issuer and keys, naming what to set', () => {
    const problems = problemsOf(() => readGatewayConfig({ NODE_ENV: 'production' }));
    expect(problems).toEqual([
      expect.stringMatching(/^AUTH_ISSUER is required/),
      expect.stringMatching(/^GATEWAY_PRIVATE_KEY_FILE is required/),
      expect.stringMatching(/^GATEWAY_JWKS_FILE is required/),
      expect.stringMatching(/^APPLICATIONS_PUBLIC_KEY_FILE is required/),
      expect.stringMatching(/^AUTH_JWKS_URL or AUTH_JWKS_FILE is required/),
    ]);
    expect(problemsOf(() => readGatewayConfig({ ...productionGateway, AUTH_ISSUER: 'city-graph-dev-issuer' }))).toEqual(
      ['AUTH_ISSUER is the development value, which NODE_ENV=production refuses'],
    );
    expect(problemsOf(() => readGatewayConfig({ ...productionGateway, AUTH_JWKS_URL: '' }))[0]).toMatch(
      /^AUTH_JWKS_URL or AUTH_JWKS_FILE is required/,
    );
  });

  it('refuses a key from the development folder', () => {
    const problems = problemsOf(() =>
      readGatewayConfig({ ...productionGateway, GATEWAY_PRIVATE_KEY_FILE: 'data/keys/gateway.private.jwk.json' }),
    );
    expect(problems).toEqual([expect.stringMatching(/^GATEWAY_PRIVATE_KEY_FILE names a development key/)]);
  });

  it('starts a gateway that has everything', () => {
    expect(readGatewayConfig(productionGateway).production).toBe(true);
  });

  it("refuses the legacy systems' development secrets, without printing them", () => {
    const tax = problemsOf(() => readSubgraphConfig('tax', productionSubgraph));
    expect(tax).toEqual([expect.stringMatching(/^TAX_LEGACY_API_KEY is required/)]);
    const social = problemsOf(() =>
      readSubgraphConfig('social', { ...productionSubgraph, SOCIAL_LEGACY_PASSWORD: 'dev-social-secret' }),
    );
    expect(social).toEqual(['SOCIAL_LEGACY_PASSWORD is the development value, which NODE_ENV=production refuses']);
    expect(readSubgraphConfig('tax', { ...productionSubgraph, TAX_LEGACY_API_KEY: 'k-8f2a' }).production).toBe(true);
  });

  it('refuses the SQLite access log unless chosen for a single node', () => {
    const market = { ...productionSubgraph, AUDIT_DATABASE_URL: '' };
    expect(problemsOf(() => readSubgraphConfig('market', market))).toEqual([
      expect.stringMatching(/^AUDIT_DATABASE_URL must be postgres/),
    ]);
    const sqlite = { ...market, AUDIT_DATABASE_URL: 'sqlite:/var/lib/city-graph/access-log.db' };
    expect(problemsOf(() => readSubgraphConfig('market', sqlite))).toHaveLength(1);
    expect(readSubgraphConfig('market', { ...sqlite, AUDIT_SQLITE_SINGLE_NODE: '1' }).production).toBe(true);
  });

  it("requires the gateway's published keys, the seal keys and, on the platform, the checkpoint key", () => {
    const problems = problemsOf(() =>
      readSubgraphConfig('platform', {
        NODE_ENV: 'production',
        AUDIT_DATABASE_URL: productionSubgraph.AUDIT_DATABASE_URL,
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^SEAL_KEYS_DIR is required/),
      expect.stringMatching(/^AUDIT_CHECKPOINT_KEY_FILE is required/),
      // The platform's applications front desk: their database and the service's key.
      expect.stringMatching(/^APPLICATIONS_DATABASE_URL is required/),
      expect.stringMatching(/^APPLICATIONS_SIGNING_KEY_FILE is required/),
      expect.stringMatching(/^GATEWAY_JWKS_FILE or GATEWAY_JWKS_URL is required/),
      expect.stringMatching(/^AUDIT_CHECKPOINT_EXPORT_URL \(an https:\/\/ store off this host\) is required/),
    ]);
    const trust = problemsOf(() =>
      readSubgraphConfig('platform', {
        NODE_ENV: 'production',
        AUDIT_DATABASE_URL: productionSubgraph.AUDIT_DATABASE_URL,
        AUDIT_CHECKPOINT_KEY_FILE: '/etc/city-graph/checkpoint.private.jwk.json',
        SEAL_KEYS_DIR: productionSubgraph.SEAL_KEYS_DIR,
        APPLICATIONS_DATABASE_URL: 'postgres://applications@db.internal:5432/applications',
        APPLICATIONS_SIGNING_KEY_FILE: '/etc/city-graph/applications.private.jwk.json',
      }),
    );
    expect(trust).toEqual([
      expect.stringMatching(/^GATEWAY_JWKS_FILE or GATEWAY_JWKS_URL is required/),
      expect.stringMatching(/^AUDIT_CHECKPOINT_EXPORT_URL \(an https:\/\/ store off this host\) is required/),
    ]);
    // The development seal keys (under data/keys) are refused like every development key.
    const developmentSeals = problemsOf(() =>
      readSubgraphConfig('tax', { ...productionSubgraph, SEAL_KEYS_DIR: 'data/keys/seals', TAX_LEGACY_API_KEY: 'k' }),
    );
    expect(developmentSeals).toEqual([expect.stringMatching(/^SEAL_KEYS_DIR names a development key/)]);
  });
});

describe('at start', () => {
  it('prints every problem and exits 78 without a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'subgraphs/main.ts', 'tax'], {
      env: { ...process.env, NODE_ENV: 'production', TAX_SUBGRAPH_PORT: 'x', TAX_LEGACY_API_KEY: 'dev-tax-api-key' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('tax subgraph: 5 configuration problems (CONFIGURATION_INVALID)');
    expect(run.stderr).toContain('TAX_SUBGRAPH_PORT must be a port number');
    expect(run.stderr).toContain('TAX_LEGACY_API_KEY is the development value');
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(run.stdout).toBe('');
  }, 30_000);

  it('says in one line why it cannot start when a key file cannot be read, without a stack trace', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'subgraphs/main.ts', 'tax'], {
      env: { ...process.env, TAX_SUBGRAPH_PORT: '0', GATEWAY_JWKS_FILE: '/nonexistent/gateway.jwks.json' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "tax subgraph could not start: ENOENT: no such file or directory, stat '/nonexistent/gateway.jwks.json'\n",
    );
  }, 30_000);
});
