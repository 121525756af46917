/**
 * `npm run --silent token -- --kind person --sub <resident ID> [--roles a,b] [--azp portal] [--ttl 3600]`
 * prints a development token, alone on one line, signed by the development issuer whose key the
 * gateway trusts when no AUTH_JWKS_* is set. For trying the graph and for scripts; production
 * tokens come from the city's identity provider.
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import {
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  DEV_ISSUER_KEY_NAME,
  MAX_OFFICER_TOKEN_LIFETIME_S,
  MAX_PORTAL_TOKEN_LIFETIME_S,
} from '../gateway/auth.js';
import {
  ensureDevKeyPair,
  readPrivateKey,
  residentIdProblem,
  SIGNING_ALGORITHM,
  usccProblem,
} from '../subgraphs/kit/index.js';

const USAGE =
  'usage: npm run --silent token -- --kind person|company|officer --sub <id> [--roles a,b] [--azp <portal>] [--ttl <seconds>]';

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
      azp: { type: 'string' },
      ttl: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const { kind, sub, roles, azp, ttl } = values;
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

const { privateFile } = await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
const { key, kid } = await readPrivateKey(privateFile);
const token = await new SignJWT({
  kind,
  roles: roles
    ? roles
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean)
    : [],
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
