/**
 * The "before" writer of bench/accessLogAppends.ts: appendFromProcess's protocol, against the
 * format-1 access log (one global chain, a request's entries one per subject) extracted from git
 * history by extractFormatOneAccessLog. `appendFormatOneFromProcess.ts <root> <url> <writer>
 * <requests> <inFlight>` opens <root>'s old store on the log, prints "ready", waits for a line on
 * stdin, appends <requests> requests of three entries (the old sampleEntries) keeping <inFlight>
 * appends waiting at once, and prints "done <milliseconds>". Exits non-zero on a failed append.
 *
 * The old code is loaded by path at run time and typed here only as far as this script uses it:
 * none of it is part of the project any more.
 */
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface FormatOneStore {
  append(entries: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

const [root, url, writer, requests, inFlight] = process.argv.slice(2);
if (!root || !url || !writer)
  throw new Error('usage: appendFormatOneFromProcess.ts <root> <url> <writer> <requests> <inFlight>');
const importOld = (path: string) => import(pathToFileURL(join(root, path)).href);
const { openAccessLogStore } = (await importOld('subgraphs/kit/audit/openAccessLogStore.ts')) as {
  openAccessLogStore(options: { url: string }): Promise<FormatOneStore> | FormatOneStore;
};
const { sampleEntries } = (await importOld('subgraphs/kit/audit/testing/sampleEntries.ts')) as {
  sampleEntries(requestId: string): unknown[];
};

const total = Number(requests);
const store = await openAccessLogStore({ url });
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < total) await store.append(sampleEntries(`${writer}-${next++}`));
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(inFlight ?? 1)) }, worker));
  process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
} finally {
  await store.close();
  process.stdin.destroy();
}
