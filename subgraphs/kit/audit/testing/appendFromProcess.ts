/**
 * A writer process for the concurrency tests: `appendFromProcess.ts <url> <writer> <requests>`
 * opens its own store on the shared log (creating the schema if it is the first), prints
 * "ready", waits for a line on stdin so all writers start together, then appends <requests>
 * requests of three entries each, pausing a millisecond between them as a subgraph between
 * requests does (SQLite's lock is not fair: a writer looping flat out would take it every time,
 * and the writers would never interleave). Exits non-zero on a failed append.
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { openAccessLogStore } from '../openAccessLogStore.js';
import { sampleEntries } from './sampleEntries.js';

const [url, writer, requests] = process.argv.slice(2);
const store = await openAccessLogStore({ url });
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  for (let i = 0; i < Number(requests); i++) {
    await store.append(sampleEntries(`${writer}-${i}`));
    await sleep(1);
  }
} finally {
  await store.close();
  process.stdin.destroy();
}
