import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, DEV_ISSUER } from '../core/index.js';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'token-'));
const token = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run token', () => {
  it('prints one token, signed by the development issuer the gateway trusts, with the given claims', async () => {
    const { stdout } = await token(
      '--kind',
      'officer',
      '--sub',
      'staff-7',
      '--roles',
      'tax-officer,privacy-officer',
      '--azp',
      'tax-portal',
      '--ttl',
      '120',
    );
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const jwk = JSON.parse(readFileSync(join(dataDir, 'keys', 'dev-issuer.public.jwk.json'), 'utf8')) as JWK;
    const { payload } = await jwtVerify(stdout.trim(), await importJWK(jwk, 'ES256'), {
      issuer: DEV_ISSUER,
      audience: DEFAULT_AUDIENCE,
    });
    expect(payload).toMatchObject({
      sub: 'staff-7',
      kind: 'officer',
      roles: ['tax-officer', 'privacy-officer'],
      azp: 'tax-portal',
    });
    expect(payload.exp! - payload.iat!).toBe(120);
  });

  it('refuses what the gateway would refuse: roles on a person, and a lifetime over the limit for the kind', async () => {
    const fail = (...args: string[]) => token(...args).catch((error: { code: number; stderr: string }) => error);
    expect(await fail('--kind', 'person', '--sub', '11010519491231002X', '--roles', 'social-officer')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/officers only/),
    });
    expect(await fail('--kind', 'company', '--sub', '91330105KCNBGT44PG', '--ttl', '7200')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/1 to 3600 for a portal token/),
    });
    const { stdout } = await token('--kind', 'officer', '--sub', 'staff-7', '--ttl', '43200');
    const { exp, iat } = JSON.parse(Buffer.from(stdout.trim().split('.')[1]!, 'base64url').toString('utf8')) as {
      exp: number;
      iat: number;
    };
    expect(exp - iat).toBe(43200);
  });

  it('refuses an invalid subject with a clear message and exit code 2', async () => {
    const failure = await token('--kind', 'person', '--sub', '110105194912310021').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/check digit/);
  });

  it('warns on stderr about a role or purpose roles.yaml does not declare, and still prints the token alone', async () => {
    const { stdout, stderr } = await token(
      '--kind',
      'officer',
      '--sub',
      'staff-7',
      '--roles',
      'tax-oficer',
      '--purpose',
      'privacy-reveiw',
    );
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain("warning: role 'tax-oficer' is not declared in privacy/roles.yaml");
    expect(stderr).toContain("Did you mean 'tax-officer'?");
    expect(stderr).toContain("warning: purpose 'privacy-reveiw' is not declared");
    expect(stderr).toContain('X-Purpose: privacy-reveiw');
    const quiet = await token('--kind', 'officer', '--sub', 'staff-7', '--roles', 'privacy-officer');
    expect(quiet.stderr).toBe('');
  });
});
