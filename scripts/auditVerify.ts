/**
 * `npm run audit:verify [-- --checkpoints <file> [--keys <jwks file>]]` walks every chain of the
 * access log named by AUDIT_DATABASE_URL (default: the SQLite file under data/audit) and reports
 * the first record changed, removed or reordered (docs/access-log.md, "Verifying"). With
 * --checkpoints, it also checks the log against signed checkpoints kept outside the database, which
 * catches records rewritten together with their chain's head; the platform's public keys come from
 * --keys, AUDIT_CHECKPOINT_PUBLIC_KEYS or the development key under data/keys.
 * Exit 0: intact; 1: broken; 2: bad arguments, or the log or the checkpoints could not be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JSONWebKeySet } from 'jose';
import {
  CHECKPOINT_KEY_NAME,
  openAccessLogStore,
  readCheckpointFile,
  verifyAccessLog,
  type AccessLogStore,
  type StoredCheckpoint,
} from '../subgraphs/kit/audit/index.js';
import { devKeyFiles, readJwk } from '../core/identity/keyFiles.js';

const USAGE = 'usage: npm run audit:verify [-- --checkpoints <file> [--keys <jwks file>]]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({ options: { checkpoints: { type: 'string' }, keys: { type: 'string' } }, strict: true }));
} catch (error) {
  fail((error as Error).message);
}

let checkpoints: StoredCheckpoint[] | undefined;
let keys: JSONWebKeySet | undefined;
if (values.checkpoints !== undefined) {
  try {
    checkpoints = readCheckpointFile(values.checkpoints);
    const keysFile = values.keys ?? process.env.AUDIT_CHECKPOINT_PUBLIC_KEYS;
    if (keysFile) keys = JSON.parse(readFileSync(keysFile, 'utf8')) as JSONWebKeySet;
    else {
      // Never made here: a verifier that conjured a key would trust whatever it signs next.
      const { publicFile } = devKeyFiles(CHECKPOINT_KEY_NAME);
      if (!existsSync(publicFile))
        fail(
          'no platform keys to check the checkpoints with: pass --keys <jwks file> or set AUDIT_CHECKPOINT_PUBLIC_KEYS',
        );
      keys = { keys: [readJwk(publicFile)] };
    }
  } catch (error) {
    fail(`cannot read the checkpoints: ${(error as Error).message}`);
  }
} else if (values.keys !== undefined) {
  fail('--keys goes with --checkpoints');
}

let store: AccessLogStore;
try {
  // create: false, so a mistyped location reports "no log" instead of an empty, intact one.
  store = await openAccessLogStore({ create: false });
} catch (error) {
  process.stderr.write(`cannot open the access log: ${(error as Error).message}\n`);
  process.exit(2);
}

try {
  const verdict = await verifyAccessLog(store, { checkpoints, keys });
  if (verdict.ok) {
    const against = checkpoints
      ? `, consistent with ${verdict.checkpoints} checkpoint${verdict.checkpoints === 1 ? '' : 's'}`
      : '';
    process.stdout.write(
      `access log OK: ${verdict.records} records in ${verdict.chains} chain${verdict.chains === 1 ? '' : 's'}${against}\n`,
    );
  } else {
    process.stderr.write(
      `access log BROKEN in chain ${verdict.chain} at record #${verdict.atSeq}: ${verdict.problem}\n`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  // Not a verdict: an unreachable database says nothing about the chain.
  process.stderr.write(`cannot read the access log: ${(error as Error).message}\n`);
  process.exitCode = 2;
} finally {
  await store.close();
}
