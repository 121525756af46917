/**
 * `npm run audit:verify` walks the access log named by AUDIT_DATABASE_URL (default: the SQLite
 * file under data/audit) and reports the first record changed, removed or reordered
 * (DESIGN.md, "Access log"). Exit 0: intact; 1: broken; 2: the log could not be opened or read.
 */
import { openAccessLogStore, verifyAccessLog, type AccessLogStore } from '../subgraphs/kit/audit/index.js';

let store: AccessLogStore;
try {
  // create: false, so a mistyped location reports "no log" instead of an empty, intact one.
  store = await openAccessLogStore({ create: false });
} catch (error) {
  process.stderr.write(`cannot open the access log: ${(error as Error).message}\n`);
  process.exit(2);
}

try {
  const verdict = await verifyAccessLog(store);
  if (verdict.ok) {
    process.stdout.write(`access log OK: ${verdict.records} records\n`);
  } else {
    process.stderr.write(`access log BROKEN at record #${verdict.atSeq}: ${verdict.problem}\n`);
    process.exitCode = 1;
  }
} catch (error) {
  // Not a verdict: an unreachable database says nothing about the chain.
  process.stderr.write(`cannot read the access log: ${(error as Error).message}\n`);
  process.exitCode = 2;
} finally {
  await store.close();
}
