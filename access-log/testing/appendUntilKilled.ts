/**
 * A writer process for the crash test (test/crash.test.ts): `appendUntilKilled.ts <url> <writer>
 * [inFlight]` opens its own store (chain `test-<writer>`) on the log, prints "ready", then appends
 * three-subject requests (`<writer>-0`, `<writer>-1`, ...) with [inFlight] (default 16) waiting
 * at once, for ever, printing "appended <requestId>" the moment each append resolves: what a
 * subgraph would answer then. The test kills it (SIGKILL) mid-stream and checks that every
 * request it heard of has its record.
 */
import { openAccessLogStore } from '../store/openAccessLogStore.js';
import { sampleRequest } from './sampleEntries.js';

const [url, writer, inFlight] = process.argv.slice(2);
const store = await openAccessLogStore({ url, chain: `test-${writer}` });
process.stdout.write('ready\n');
let next = 0;
const worker = async () => {
  for (;;) {
    const requestId = `${writer}-${next++}`;
    await store.append(sampleRequest(requestId));
    process.stdout.write(`appended ${requestId}\n`);
  }
};
await Promise.all(Array.from({ length: Math.max(1, Number(inFlight ?? 16)) }, worker));
