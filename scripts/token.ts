/**
 * `npm run --silent token -- --kind person --sub <resident ID> [--roles a,b] [--purpose p] [--azp portal] [--ttl 3600]`
 * prints a development token, alone on one line, signed by the development issuer whose key the
 * gateway trusts when no AUTH_JWKS_* is set. For trying the graph and for scripts; production
 * tokens come from the city's identity provider. A role or purpose that privacy/roles.yaml does not
 * declare gets a warning on stderr (the token is still printed: the gateway, not this script, refuses);
 * a purpose is not a claim, it is sent with each request as X-Purpose, and the script says so.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { MAX_OFFICER_TOKEN_LIFETIME_S, MAX_PORTAL_TOKEN_LIFETIME_S } from '../gateway/auth.js';
import {
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  DEV_ISSUER_KEY_NAME,
  ensureDevKeyPair,
  readPrivateKey,
  residentIdProblem,
  SIGNING_ALGORITHM,
  usccProblem,
} from '../subgraphs/kit/index.js';
import { DEFAULT_PRIVACY_DIR } from '../core/repositoryRoot.js';
import { didYouMean, loadRegistry } from '../policy/index.js';

const USAGE =
  'usage: npm run --silent token -- --kind person|company|officer --sub <id> [--roles a,b] [--purpose p] [--azp <portal>] [--ttl <seconds>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      kind: { type: 'string' },
      sub: { type: 'string' },
      roles: { type: 'string' },
      purpose: { type: 'string' },
      azp: { type: 'string' },
      ttl: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const { kind, sub, roles, purpose, azp, ttl } = values;
if (kind !== 'person' && kind !== 'company' && kind !== 'officer') fail('--kind must be person, company or officer');
if (!sub) fail('--sub is required: a resident ID, a USCC or a staff id');
const problem =
  kind === 'person'
    ? residentIdProblem(sub)
    : kind === 'company'
      ? usccProblem(sub)
      : /^[A-Za-z0-9._-]{1,64}$/.test(sub)
        ? null
        : 'a staff id is letters, digits, . _ -';
if (problem) fail(`--sub: ${problem}`);
if (roles && kind !== 'officer')
  fail('--roles is for officers only: the gateway refuses a person or company token that carries roles');
// The gateway refuses longer-lived tokens (gateway/auth.ts; AUTH_MAX_*_LIFETIME_S raise its limits).
const longest = kind === 'officer' ? MAX_OFFICER_TOKEN_LIFETIME_S : MAX_PORTAL_TOKEN_LIFETIME_S;
const seconds = ttl === undefined ? Math.min(3600, longest) : Number(ttl);
if (!Number.isInteger(seconds) || seconds <= 0 || seconds > longest)
  fail(`--ttl is a number of seconds, 1 to ${longest} for ${kind === 'officer' ? 'an officer' : 'a portal'} token`);

const roleList = roles
  ? roles
      .split(',')
      .map((role) => role.trim())
      .filter(Boolean)
  : [];
warnAboutUndeclared(roleList, purpose);

const { privateFile } = await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
const { key, kid } = await readPrivateKey(privateFile);
const token = await new SignJWT({
  kind,
  roles: roleList,
  ...(azp ? { azp } : {}),
})
  .setProtectedHeader({ alg: SIGNING_ALGORITHM, ...(kid ? { kid } : {}) })
  .setSubject(kind === 'officer' ? sub : sub.toUpperCase())
  .setIssuer(process.env.AUTH_ISSUER ?? DEV_ISSUER)
  .setAudience(process.env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE)
  .setIssuedAt()
  .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
  .sign(key);
process.stdout.write(`${token}\n`);

/**
 * A misspelt role (`tax-oficer`) would give a token that every rule denies, without a word: warn,
 * naming the closest declared one. Warnings go to stderr, so stdout stays the token alone.
 */
function warnAboutUndeclared(roleNames: readonly string[], purposeName: string | undefined): void {
  const file = join(process.env.PRIVACY_DIR ?? DEFAULT_PRIVACY_DIR, 'roles.yaml');
  const loaded = loadRegistry(file);
  if (!loaded.ok) {
    process.stderr.write(`warning: ${file} has problems (npm run policy:check); roles and purposes not checked\n`);
    return;
  }
  const { registry } = loaded;
  for (const role of roleNames)
    if (!registry.roles.has(role))
      process.stderr.write(
        `warning: role '${role}' is not declared in privacy/roles.yaml, so no rule grants it anything.${didYouMean(role, registry.roles.keys())}\n`,
      );
  if (purposeName === undefined) return;
  if (!registry.purposes.has(purposeName))
    process.stderr.write(
      `warning: purpose '${purposeName}' is not declared in privacy/roles.yaml: the gateway refuses it.${didYouMean(purposeName, registry.purposes.keys())}\n`,
    );
  process.stderr.write(
    `note: a purpose is not part of the token; send it with each request: X-Purpose: ${purposeName}\n`,
  );
}
