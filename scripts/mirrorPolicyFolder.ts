import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** How often the ConfigMap is compared with the mirror, besides the swap events the folder gives. */
export const POLICY_MIRROR_CHECK_MS = 5_000;

/**
 * A folder mounted from a Kubernetes ConfigMap: its files are links through `..data`, a link the
 * kubelet swaps for a new folder at each update.
 */
export function isConfigMapMount(folder: string): boolean {
  return existsSync(join(folder, '..data'));
}

/**
 * Keeps `to` a copy of the policy folder `from`, a ConfigMap mount. The kubelet updates a mount
 * by swapping its `..data` link, so no event ever names a policy file in the folder, and
 * kit's watchPolicy (which watches the folder for its files' names, as editors save them)
 * would never reload. Here each changed file is written beside its copy and renamed over it,
 * the way an editor saves, so watchPolicy sees it; a file gone from the ConfigMap goes from the
 * copy too (the subgraph then keeps its last good policy and says why). The first copy is made
 * before this returns, so the piece starts on the ConfigMap's policy.
 */
export function mirrorPolicyFolder(options: {
  from: string;
  to: string;
  onCopied?(files: string[]): void;
  checkMs?: number;
}): { close(): void } {
  mkdirSync(options.to, { recursive: true });
  const sync = () => {
    const changed = copyChangedFiles(options.from, options.to);
    if (changed.length > 0) options.onCopied?.(changed);
  };
  sync();
  const safely = () => {
    try {
      sync();
    } catch {
      // The mount is between two states; the next event or check copies it.
    }
  };
  // persistent: false and unref: the mirror never keeps a piece alive that is otherwise done.
  const watcher = watch(options.from, { persistent: false }, safely);
  watcher.on('error', () => watcher.close());
  const timer = setInterval(safely, options.checkMs ?? POLICY_MIRROR_CHECK_MS);
  timer.unref();
  return {
    close() {
      watcher.close();
      clearInterval(timer);
    },
  };
}

/** Copies every file of `from` whose text differs from its copy in `to`, and removes copies of files gone; returns their names. */
export function copyChangedFiles(from: string, to: string): string[] {
  const wanted = new Map<string, string>();
  for (const name of readdirSync(from)) {
    if (name.startsWith('.')) continue;
    const path = join(from, name);
    if (!statSync(path).isFile()) continue;
    wanted.set(name, readFileSync(path, 'utf8'));
  }
  const changed: string[] = [];
  for (const [name, text] of wanted) {
    const copy = join(to, name);
    if (existsSync(copy) && readFileSync(copy, 'utf8') === text) continue;
    const temporary = join(to, `.${name}.${process.pid}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, copy);
    changed.push(name);
  }
  for (const name of readdirSync(to)) {
    if (name.startsWith('.') || wanted.has(name)) continue;
    rmSync(join(to, name), { force: true });
    changed.push(name);
  }
  return changed;
}
