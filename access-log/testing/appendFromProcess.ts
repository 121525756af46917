/**
 * A writer process for the concurrency tests and the append benchmark:
 * `appendFromProcess.ts <url> <writer> <requests> [inFlight] [pauseMs]` opens its own store (its
 * own chain) on the shared log, prints "ready", waits for a line on stdin so all writers start
 * together, then appends <requests> three-subject requests, keeping [inFlight] (default 1) appends
 * waiting at once as a busy subgraph does, each worker pausing [pauseMs] (default 0) between its
 * appends as a subgraph between requests (SQLite's lock is not fair: writers looping flat out
 * would each take it for long runs), and prints "done <milliseconds>". Exits non-zero on a failed append.
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { openAccessLogStore } from '../store/openAccessLogStore.js';
import { sampleRequest } from './sampleEntries.js';

const [url, writer, requests, inFlight, pauseMs] = process.argv.slice(2);
const pause = Number(pauseMs ?? 0);
const total = Number(requests);
const store = await openAccessLogStore({ url, chain: `test-${writer}` });
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < total) {
      await store.append(sampleRequest(`${writer}-${next++}`));
      if (pause > 0) await sleep(pause);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(inFlight ?? 1)) }, worker));
  process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
} finally {
  await store.close();
  process.stdin.destroy();
}
