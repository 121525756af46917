/**
 * `npm run audit:verify [-- --checkpoints <file> --keys <JWKS file or https URL> [--max-age <duration>]]`
 * walks every chain of the access log named by AUDIT_DATABASE_URL (default: the SQLite file under
 * data/audit) and reports the first record changed, removed or reordered (docs/access-log.md,
 * "Verifying"). With --checkpoints, it also checks the log against signed checkpoints kept outside
 * the database, which catches records rewritten together with their chain's head, and refuses a
 * file whose newest checkpoint is older than --max-age (AUDIT_CHECKPOINT_MAX_AGE, default two
 * checkpoint intervals and 5 s): a file cut back to before a rewrite no longer passes. The
 * platform's public keys come from --keys or AUDIT_CHECKPOINT_PUBLIC_KEYS only, never from the
 * data folder by default (see "Threat model").
 * Exit 0: intact; 1: broken, or the checkpoints too old to vouch for it; 2: bad arguments, no keys,
 * or the log or the checkpoints could not be read; 78: a setting is malformed.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import { settingsOrExit, productionKeyProblem } from '../core/config/index.js';
import { devKeyFiles } from '../core/identity/keyFiles.js';
import {
  CHECKPOINT_KEY_NAME,
  newestCheckpoint,
  openAccessLogStore,
  readCheckpointFile,
  readCheckpointKeys,
  verifyAccessLog,
  type AccessLogStore,
  type StoredCheckpoint,
} from '../access-log/index.js';
import { formatDuration, parseDuration, readAuditVerifySettings } from './auditToolSettings.js';

const USAGE =
  'usage: npm run audit:verify [-- --checkpoints <file> --keys <JWKS file or https URL> [--max-age <duration, e.g. 25s, 10m, 2h>]]';

/** A checkpoint dated further ahead than this is refused: the platform's clock, or its key, is wrong. */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** Says where keys must come from; in development, names the local key without ever loading it. */
function noKeys(production: boolean): never {
  const { publicFile } = devKeyFiles(CHECKPOINT_KEY_NAME);
  const hint =
    !production && existsSync(publicFile)
      ? `\nIn development, the key this machine's platform subgraph signs with can be named explicitly: --keys ${relative(process.cwd(), publicFile)}`
      : '';
  fail(
    'no platform keys to check the checkpoints with: pass --keys <JWKS file or https URL> or set AUDIT_CHECKPOINT_PUBLIC_KEYS ' +
      "to the platform's published key set. Keys are never taken from the data folder by themselves: whoever can write " +
      `there could have put a key of their own.${hint}`,
  );
}

const settings = settingsOrExit(() => readAuditVerifySettings(process.env));

let values;
try {
  ({ values } = parseArgs({
    options: { checkpoints: { type: 'string' }, keys: { type: 'string' }, 'max-age': { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}

let checkpoints: StoredCheckpoint[] | undefined;
let keys: JSONWebKeySet | undefined;
let maxAgeMs = settings.maxAgeMs;
if (values.checkpoints !== undefined) {
  if (values['max-age'] !== undefined)
    maxAgeMs = parseDuration(values['max-age']) ?? fail('--max-age must be a duration such as 25s, 10m, 2h or 7d');
  const keysSource = values.keys ?? settings.keys ?? noKeys(settings.production);
  if (settings.production && values.keys !== undefined) {
    const [problem] = productionKeyProblem('--keys', values.keys);
    if (problem) fail(problem);
  }
  try {
    checkpoints = readCheckpointFile(values.checkpoints);
  } catch (error) {
    fail(`cannot read the checkpoints: ${(error as Error).message}`);
  }
  try {
    keys = await readCheckpointKeys(keysSource, { allowHttp: settings.allowHttp });
  } catch (error) {
    fail(`cannot read the platform keys: ${(error as Error).message}`);
  }
} else if (values.keys !== undefined || values['max-age'] !== undefined) {
  fail('--keys and --max-age go with --checkpoints');
}

let store: AccessLogStore;
try {
  // create: false, so a mistyped location reports "no log" instead of an empty, intact one.
  store = await openAccessLogStore({ url: process.env.AUDIT_DATABASE_URL, create: false });
} catch (error) {
  process.stderr.write(`cannot open the access log: ${(error as Error).message}\n`);
  process.exit(2);
}

/** Why the checkpoints cannot vouch for the log now, in words; null when the newest is recent enough. */
async function staleness(file: string, given: StoredCheckpoint[], platformKeys: JSONWebKeySet): Promise<string | null> {
  const newest = await newestCheckpoint(given, platformKeys);
  if (!newest)
    return `checkpoints REFUSED: ${file} holds no checkpoint, so nothing outside the database vouches for the log`;
  const age = Date.now() - Date.parse(newest.checkpoint.at);
  if (age < -MAX_CLOCK_AHEAD_MS)
    return (
      `checkpoints REFUSED: the newest checkpoint in ${file} (line ${newest.line}) is dated ${newest.checkpoint.at}, ` +
      `${formatDuration(age)} ahead of this clock: the platform's clock or its key is not to be trusted`
    );
  if (age <= maxAgeMs) return null;
  return (
    `checkpoints TOO OLD: the newest checkpoint in ${file} (line ${newest.line}) was signed at ${newest.checkpoint.at}, ` +
    `${formatDuration(age)} ago, older than the limit of ${formatDuration(maxAgeMs)} (--max-age, AUDIT_CHECKPOINT_MAX_AGE). ` +
    'Records written after it are vouched for by nothing: the file may have been cut back, or the platform stopped ' +
    "exporting. Verify against the checkpoints kept off the database's host, or give --max-age for an archive."
  );
}

try {
  const verdict = await verifyAccessLog(store, { checkpoints, keys });
  if (!verdict.ok) {
    process.stderr.write(
      `access log BROKEN in chain ${verdict.chain} at record #${verdict.atSeq}: ${verdict.problem}\n`,
    );
    process.exitCode = 1;
  } else {
    const stale = checkpoints && keys ? await staleness(values.checkpoints!, checkpoints, keys) : null;
    if (stale) {
      process.stderr.write(`${stale}\n`);
      process.exitCode = 1;
    } else {
      const against = checkpoints
        ? `, consistent with ${verdict.checkpoints} checkpoint${verdict.checkpoints === 1 ? '' : 's'}`
        : '';
      process.stdout.write(
        `access log OK: ${verdict.records} records in ${verdict.chains} chain${verdict.chains === 1 ? '' : 's'}${against}\n`,
      );
    }
  }
} catch (error) {
  // Not a verdict: an unreachable database says nothing about the chain.
  process.stderr.write(`cannot read the access log: ${(error as Error).message}\n`);
  process.exitCode = 2;
} finally {
  await store.close();
}
