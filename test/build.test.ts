import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untilListening } from './untilListening.js';
import { SignJWT } from 'jose';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DEV_ISSUER_KEY_NAME, readPrivateKey } from '../core/index.js';
import { repositoryRoot } from '../core/repositoryRoot.js';

/**
 * `npm run build` as a city runs it: compiled into a folder of its own (as dist/ is), then each
 * piece started with a plain `node`, no tsx, and nothing imported that `npm ci --omit=dev` leaves out.
 */
const run = promisify(execFile);
const root = repositoryRoot();
const out = join(root, `dist-test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'build-data-'));
const children: ChildProcess[] = [];

beforeAll(async () => {
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', out], {
    cwd: root,
  });
  await run(process.execPath, ['--import', 'tsx', 'scripts/copyBuildAssets.ts', out], { cwd: root });
}, 120_000);
afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
  rmSync(out, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function javascriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? javascriptFiles(path) : path.endsWith('.js') ? [path] : [];
  });
}

/** Starts a built piece with node alone (no loader, no NODE_OPTIONS) and waits for its listening line. */
/** Starts a compiled main (its command line after the file: a department's entry takes the department's name). */
function startBuilt(file: string, env: Record<string, string>, args: readonly string[] = []): Promise<string> {
  const child = spawn(process.execPath, ['--enable-source-maps', join(out, file), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return untilListening(child, file);
}

describe('the build', () => {
  it('imports nothing but dependencies and Node itself', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(manifest.dependencies), ...builtinModules]);
    const strays: string[] = [];
    for (const file of javascriptFiles(out)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^'.][^']*)'/g)) {
        const specifier = match[1]!.replace(/^node:/, '');
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!allowed.has(name)) strays.push(`${relative(out, file)}: ${match[1]}`);
      }
    }
    expect(strays).toEqual([]);
  });

  it('runs a legacy system, a subgraph and the gateway with plain node', async () => {
    const legacy = await startBuilt('legacy-mocks/main.js', { TAX_LEGACY_PORT: '0' }, ['tax']);
    const subgraph = await startBuilt(
      'subgraphs/main.js',
      {
        TAX_SUBGRAPH_PORT: '0',
        TAX_LEGACY_URL: legacy,
        AUDIT_DATABASE_URL: `sqlite:${join(dataDir, 'access-log.db')}`,
      },
      ['tax'],
    );
    const gateway = await startBuilt('gateway/main.js', { GATEWAY_PORT: '0', TAX_SUBGRAPH_URL: `${subgraph}/graphql` });
    expect((await fetch(`${subgraph}/ready`)).status).toBe(200);
    expect((await fetch(`${gateway}/health`)).status).toBe(200);
    const keys = (await (await fetch(`${gateway}/internal/jwks.json`)).json()) as { keys: Array<{ kid?: string }> };
    expect(keys.keys[0]?.kid).toMatch(/^gateway-/);
    // The explorer's example and the schema come from files copied beside the code.
    expect(await (await fetch(`${gateway}/schema.graphql`)).text()).toContain('type Query');
  });

  it("runs the privacy workbench with plain node: its page's script bundled from the sources beside it, its policy compiled on its worker thread", async () => {
    // No graph is needed for the policy: the access log search is the journeys' (test/privacy-workbench.test.ts).
    const workbench = await startBuilt('workbench/main.js', {
      WORKBENCH_PORT: '0',
      WORKBENCH_GATEWAY_URL: 'http://127.0.0.1:9',
    });
    expect((await fetch(`${workbench}/health`)).status).toBe(200);
    for (const path of ['/privacy/', '/privacy/page.js', '/privacy/page.css'])
      expect((await fetch(`${workbench}${path}`)).status, path).toBe(200);
    expect((await fetch(`${workbench}/privacy/policy.json`)).status).toBe(401);
    // The development issuer's key, made under DATA_DIR by the workbench at start (no AUTH_JWKS_* given).
    const { key } = await readPrivateKey(join(dataDir, 'keys', `${DEV_ISSUER_KEY_NAME}.private.jwk.json`));
    const token = await new SignJWT({ kind: 'officer', roles: ['privacy-officer'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('staff-0007')
      .setIssuer(DEV_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);
    const policy = await fetch(`${workbench}/privacy/policy.json`, { headers: { authorization: `Bearer ${token}` } });
    expect(policy.status).toBe(200);
    expect(((await policy.json()) as { departments: unknown[] }).departments.length).toBeGreaterThan(0);
  });

  it('refuses to start in production on development settings, saying why', async () => {
    const refused = await run(process.execPath, [join(out, 'gateway/main.js')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATA_DIR: dataDir },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(78);
    expect(refused?.stderr).toContain('AUTH_ISSUER is required when NODE_ENV=production');
  });
});
