import { spawn } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../core/caller.js';
import { buildTestSchema, TEST_REGISTRY, tempFolder, VALID_POLICY } from '../testing/policyFixtures.js';
import type { CompiledPolicy, PolicyProblem } from '../engine/index.js';
import { loadPolicy } from './loadPolicy.js';
import { watchPolicy } from './watchPolicy.js';

const RELAXED = VALID_POLICY.replace('arrears: { anyOf: [companySelf, taxOfficer] }', 'arrears: public');
const schema = buildTestSchema();

/** Polls until the condition holds: no fixed sleeps, a slow machine only waits longer. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A running subgraph's side of the watcher: the policy in force and what it was told. */
function startWatching() {
  const folder = tempFolder('privacy-watch-');
  const file = folder.write('tax.yaml', VALID_POLICY);
  const load = () => loadPolicy({ file, department: 'tax', schema, registry: TEST_REGISTRY });
  const first = load();
  if (!first.ok) throw new Error('the starting policy must load');
  const state = { policy: first.policy as CompiledPolicy, changes: 0, refusals: [] as PolicyProblem[][] };
  const watcher = watchPolicy({
    file,
    load,
    debounceMs: 50,
    onChange(policy) {
      state.policy = policy;
      state.changes++;
    },
    onRefused(problems) {
      state.refusals.push(problems);
    },
  });
  const arrearsForAnonymous = () =>
    state.policy.decide('Company', 'arrears', { caller: ANONYMOUS, subjects: [] }).effect;
  return { folder, file, state, watcher, arrearsForAnonymous };
}

let running: ReturnType<typeof startWatching> | undefined;
afterEach(() => {
  running?.watcher.close();
  running?.folder.remove();
  running = undefined;
});

describe('watchPolicy', () => {
  it('takes a good change', async () => {
    running = startWatching();
    expect(running.arrearsForAnonymous()).toBe('deny');
    running.folder.write('tax.yaml', RELAXED);
    await waitFor(() => running!.state.changes > 0, 'the change');
    expect(running.arrearsForAnonymous()).toBe('allow');
  });

  it('refuses a bad change and keeps the last good policy', async () => {
    running = startWatching();
    running.folder.write('tax.yaml', VALID_POLICY.replace('legacyNote: self', 'legacyNote: slef'));
    await waitFor(() => running!.state.refusals.length > 0, 'the refusal');
    expect(running.state.refusals.at(-1)).toEqual([
      expect.objectContaining({ line: 18, message: expect.stringContaining("Unknown rule or predicate 'slef'") }),
    ]);
    expect(running.state.changes).toBe(0);
    expect(running.arrearsForAnonymous()).toBe('deny');
  });

  it('takes a file an editor renames over the old one', async () => {
    running = startWatching();
    const draft = running.folder.write('.tax.yaml.swp', RELAXED);
    renameSync(draft, running.file);
    await waitFor(() => running!.state.changes > 0, 'the change');
    expect(running.arrearsForAnonymous()).toBe('allow');
  });

  it('survives the file being deleted and created again', async () => {
    running = startWatching();
    rmSync(running.file);
    await waitFor(() => running!.state.refusals.length > 0, 'the refusal of a missing file');
    expect(running.state.refusals.at(-1)![0]!.message).toBe('The file does not exist.');
    expect(running.arrearsForAnonymous()).toBe('deny');
    running.folder.write('tax.yaml', RELAXED);
    await waitFor(() => running!.state.changes > 0, 'the change');
    expect(running.arrearsForAnonymous()).toBe('allow');
  });

  it('ignores other files in the folder', async () => {
    running = startWatching();
    running.folder.write('notes.txt', 'unrelated');
    running.folder.write('tax.yaml', RELAXED);
    await waitFor(() => running!.state.changes > 0, 'the change');
    // One burst of writes, one reload; the unrelated file caused none of its own.
    expect(running.state.changes).toBe(1);
  });

  it('calls nothing after close', async () => {
    running = startWatching();
    running.watcher.close();
    running.folder.write('tax.yaml', RELAXED);
    running.folder.write('other.yaml', 'x');
    // The write to other.yaml is a marker: once a fresh watcher on the folder has seen it, the
    // closed one had every chance to see tax.yaml change.
    let seen = false;
    const marker = watchPolicy({
      file: join(running.folder.path, 'other.yaml'),
      load: () => ({ ok: false, problems: [] }),
      onChange() {},
      onRefused: () => (seen = true),
      debounceMs: 10,
    });
    running.folder.write('other.yaml', 'y');
    await waitFor(() => seen, 'the marker');
    marker.close();
    expect(running.state.changes).toBe(0);
  });

  it('does not keep the process alive', async () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const script = `
      import { watchPolicy } from ${JSON.stringify(join(here, 'watchPolicy.ts'))};
      watchPolicy({ file: ${JSON.stringify(join(here, 'watchPolicy.ts'))}, load: () => ({ ok: false, problems: [] }), onChange() {}, onRefused() {} });
      console.log('watching');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('the process stayed alive'));
      }, 20_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(output.trim()).toBe('watching');
    expect(code).toBe(0);
  });
});
