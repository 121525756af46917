/**
 * A writer process for the concurrency tests: `appendFromProcess.ts <url> <writer> <requests>`
 * opens its own store on the shared log (creating the schema if it is the first), prints
 * "ready", waits for a line on stdin so all writers start together, then appends <requests>
 * requests of three entries each, as a subgraph process would. Exits non-zero on a failed append.
 */
import { once } from 'node:events';
import { openAccessLogStore } from '../openAccessLogStore.js';
import { sampleEntries } from './sampleEntries.js';

const [url, writer, requests] = process.argv.slice(2);
const store = await openAccessLogStore({ url });
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  for (let i = 0; i < Number(requests); i++) await store.append(sampleEntries(`${writer}-${i}`));
} finally {
  await store.close();
  process.stdin.destroy();
}
