/**
 * `npm run test:image [-- --base-image <name>]`: builds the container image (Dockerfile) with the
 * container engine installed here (podman, or docker with a daemon that answers) and checks it:
 * the gateway starts in it and passes the image's health check; with NODE_ENV=production and no
 * keys it refuses to start, saying why; it stops cleanly on SIGTERM. Skipped, saying why, with exit
 * 0, where no engine is installed or the base image can be neither found nor pulled (a machine
 * without a registry); docs/operations.md, "The image".
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { repositoryRoot } from '../core/repositoryRoot.js';

const DEFAULT_BASE_IMAGE = 'node:20-bookworm-slim';
const TAG = 'localhost/city-graph:image-test';
const HEALTHY_WITHIN_S = 90;

const { values } = parseArgs({ options: { 'base-image': { type: 'string', default: DEFAULT_BASE_IMAGE } } });
const baseImage = values['base-image']!;

function engine(): string | null {
  if (spawnSync('podman', ['--version']).status === 0) return 'podman';
  if (spawnSync('docker', ['info'], { timeout: 10_000 }).status === 0) return 'docker';
  return null;
}

function run(tool: string, args: string[], timeoutMs = 30 * 60_000) {
  const result = spawnSync(tool, args, { cwd: repositoryRoot(), encoding: 'utf8', timeout: timeoutMs });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function skip(reason: string): never {
  process.stdout.write(`test:image skipped: ${reason}\n`);
  process.exit(0);
}

function check(ok: boolean, what: string, detail = ''): void {
  process.stdout.write(`${ok ? 'ok' : 'FAILED'}: ${what}${ok || !detail ? '' : `\n${detail.slice(-3_000)}`}\n`);
  if (!ok) failures++;
}

let failures = 0;
const tool = engine();
if (!tool)
  skip(
    spawnSync('buildah', ['--version']).status === 0
      ? 'buildah is installed but podman is not: install podman (Debian: apt-get install podman) to run the image'
      : 'no container engine: install podman (Debian: apt-get install podman) or run a docker daemon',
  );
if (run(tool, ['image', 'inspect', baseImage]).status !== 0) {
  process.stdout.write(`the base image ${baseImage} is not in ${tool}'s store; pulling it\n`);
  const pulled = run(tool, ['pull', baseImage], 5 * 60_000);
  if (pulled.status !== 0)
    skip(
      `the base image ${baseImage} is not in ${tool}'s store and could not be pulled ` +
        `(${pulled.output.split('\n').at(-1)}); load it, or name a mirror with --base-image`,
    );
}

const built = run(tool, ['build', '--build-arg', `NODE_IMAGE=${baseImage}`, '-t', TAG, '.']);
check(built.status === 0, `${tool} build on ${baseImage}`, built.output);
if (built.status !== 0) process.exit(1);

// Production without keys: refused at start, exit 78, every problem named.
const refused = run(tool, ['run', '--rm', TAG, 'gateway'], 120_000);
check(
  refused.status === 78 && refused.output.includes('AUTH_ISSUER is required when NODE_ENV=production'),
  'the gateway refuses production without its keys and issuer (exit 78)',
  refused.output,
);

// Development (keys made in the container's data folder): healthy through the image's own check.
const name = `city-graph-image-test-${process.pid}`;
const started = run(tool, ['run', '-d', '--name', name, '-e', 'NODE_ENV=development', TAG, 'gateway']);
check(started.status === 0, 'the gateway starts in the image', started.output);
let healthy = false;
for (let second = 0; started.status === 0 && second < HEALTHY_WITHIN_S && !healthy; second++) {
  healthy = run(tool, ['exec', name, 'node', 'dist/scripts/imageEntrypoint.js', 'health']).status === 0;
  if (!healthy) spawnSync('sleep', ['1']);
}
check(
  healthy,
  `the gateway passes the image's health check within ${HEALTHY_WITHIN_S} s`,
  run(tool, ['logs', name]).output,
);
const stopped = run(tool, ['stop', '-t', '20', name], 60_000);
const exit = run(tool, ['inspect', '--format', '{{.State.ExitCode}}', name]).output;
check(stopped.status === 0 && exit === '0', 'it stops on SIGTERM with exit 0', `${stopped.output}\nexit code ${exit}`);
run(tool, ['rm', '-f', name]);
process.exit(failures === 0 ? 0 : 1);
