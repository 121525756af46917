import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { CompiledPolicy, PolicyLoadResult, PolicyProblem } from '../engine/index.js';

export interface WatchPolicyOptions {
  /** The department's policy file. */
  file: string;
  /** Files the policy also depends on (privacy/roles.yaml): saving one of them reloads too. */
  alsoWatch?: readonly string[];
  /** Reads and checks the policy again (typically loadPolicy with the registry re-read). */
  load: () => PolicyLoadResult;
  /** A changed file passed the check: this policy is now the one to enforce. */
  onChange(policy: CompiledPolicy): void;
  /** A changed file failed the check (or vanished): the caller keeps its last good policy and logs these. */
  onRefused(problems: PolicyProblem[]): void;
  /** Quiet time after the last change before reloading; editors write in bursts. */
  debounceMs?: number;
}

export const POLICY_RELOAD_DEBOUNCE_MS = 200;
/** The link a Kubernetes ConfigMap mount's files point through, swapped by the kubelet at each update. */
const CONFIG_MAP_LINK = '..data';
// How often to try watching a folder again after its watcher failed (e.g. the folder was replaced).
const REWATCH_MS = 1_000;

/**
 * Reloads a policy when its file changes, so a saved file takes effect in a running subgraph
 * within about a second (DESIGN.md, "Privacy policy"), and only if it passes the check. It
 * watches the folder, not the file, because editors save by writing a new file and renaming it
 * over the old one, and a file watch would stay on the old inode; for the same reason it
 * survives the file being deleted and created again, and a ConfigMap mount's update (its ..data
 * link swapped for a new folder). It never keeps the process alive.
 */
export function watchPolicy(options: WatchPolicyOptions): { close(): void } {
  const debounceMs = options.debounceMs ?? POLICY_RELOAD_DEBOUNCE_MS;
  const files = [options.file, ...(options.alsoWatch ?? [])].map((file) => resolve(file));
  const folders = new Map<string, Set<string>>();
  for (const file of files) {
    const names = folders.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    folders.set(dirname(file), names);
  }

  let closed = false;
  let pending: NodeJS.Timeout | undefined;
  const timers = new Set<NodeJS.Timeout>();
  const watchers = new Map<string, FSWatcher>();

  const reload = () => {
    pending = undefined;
    if (closed) return;
    let result: PolicyLoadResult;
    try {
      result = options.load();
    } catch (error) {
      // A loader that throws is a refused file too: the running policy must not go away.
      result = {
        ok: false,
        problems: [
          {
            file: options.file,
            line: 1,
            column: 1,
            message: `The policy could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
      };
    }
    if (result.ok) options.onChange(result.policy);
    else options.onRefused(result.problems);
  };

  const schedule = () => {
    if (closed) return;
    if (pending) clearTimeout(pending);
    pending = setTimeout(reload, debounceMs);
    pending.unref();
  };

  const watchFolder = (folder: string, names: ReadonlySet<string>) => {
    if (closed) return;
    try {
      // persistent: false is the watcher's unref: a subgraph that is otherwise done may exit.
      const watcher = watch(folder, { persistent: false }, (_event, filename) => {
        // Some platforms do not say which file changed; reloading then is cheap and safe. A
        // Kubernetes ConfigMap mount changes no file of its own: the kubelet swaps the ..data link
        // its files point through, so that swap is a change of every file.
        if (filename === null || names.has(filename.toString()) || filename.toString() === CONFIG_MAP_LINK) schedule();
      });
      watcher.on('error', () => {
        watcher.close();
        watchers.delete(folder);
        retry(folder, names);
      });
      watchers.set(folder, watcher);
    } catch {
      retry(folder, names);
    }
  };

  const retry = (folder: string, names: ReadonlySet<string>) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      watchFolder(folder, names);
      // The file may have changed while nobody watched.
      if (watchers.has(folder)) schedule();
    }, REWATCH_MS);
    timer.unref();
    timers.add(timer);
  };

  for (const [folder, names] of folders) watchFolder(folder, names);

  return {
    close() {
      closed = true;
      if (pending) clearTimeout(pending);
      for (const timer of timers) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
