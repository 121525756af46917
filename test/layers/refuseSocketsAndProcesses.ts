/**
 * The unit layer's promise, kept by the runtime rather than by review: a test in it opens no
 * socket and starts no process. Any attempt throws at the call, naming where such a test belongs,
 * so a test that needs a server is moved to the journeys layer instead of slowing the fast one.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const net = require('node:net') as typeof import('node:net');
const childProcess = require('node:child_process') as Record<string, unknown>;

function refuse(what: string): never {
  throw new Error(
    `A unit test may not ${what}. Put this test in the journeys layer: add it to BESIDE_CODE_JOURNEYS in test/layers/layers.ts.`,
  );
}

net.Socket.prototype.connect = function connect() {
  return refuse('open a socket');
};
net.Server.prototype.listen = function listen() {
  return refuse('listen on a socket');
};
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  childProcess[name] = () => refuse(`start a process (${name})`);
}
// ESM imports of node:child_process read the built-in's exports: make them see the refusals too.
syncBuiltinESMExports();
