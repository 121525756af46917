import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LRUCache } from 'lru-cache';
import type { Department } from '../core/errors.js';
import { repositoryRoot } from '../core/repositoryRoot.js';
import type {
  PolicyTable,
  WorkbenchAnswer,
  WorkbenchRefused,
  WorkbenchTask,
  WorkbenchTaskAnswer,
} from './computeWorkbenchAnswer.js';
import { listCommittedFiles, readCommittedFiles } from './readCommittedFiles.js';
import { CODE_ROOT } from '../core/repositoryRoot.js';
import { isPlainRef, type PolicyChange } from './policyEngine.js';
import { createGitRunner, GitFailure, type GitRunner } from './runGit.js';
import { startWorkbenchWorker, WorkbenchWorkerFailure, type WorkbenchWorker } from './startWorkbenchWorker.js';

export type { PolicyTable, WorkbenchAnswer, WorkbenchRefused } from './computeWorkbenchAnswer.js';

/** Diffs computed at once (git, then the worker); each is about a tenth of a second of one core. */
export const MAX_DIFFS_AT_ONCE = 2;
/** Diffs waiting for a turn; one more is refused with WORKBENCH_BUSY rather than queued without end. */
export const MAX_DIFFS_WAITING = 8;
/** Git processes at once, for every route together (a ref to resolve, HEAD, the log, the committed files). */
export const MAX_GIT_AT_ONCE = 4;
export const MAX_GIT_WAITING = 32;
/**
 * Answers kept: diffs by commit and policy version (and by the committed policy's files, which
 * many commits share), tables by policy version, version lists by HEAD.
 */
export const CACHED_DIFFS = 100;
export const CACHED_COMMITTED_POLICIES = 32;
export const CACHED_TABLES = 4;
export const CACHED_VERSION_LISTS = 4;
/** What WORKBENCH_BUSY tells the page to wait: a few diffs' time. */
const BUSY_RETRY_AFTER_S = 2;

export interface PolicyWorkbenchOptions {
  /** Every department, with its SDL file relative to the repository root (registry/departments.ts). */
  departments: ReadonlyArray<{ name: Department; schemaFile: string }>;
  /** The policy folder in force (PRIVACY_DIR or privacy/). */
  policyFolder?: string;
  /**
   * Where the schemas and the default privacy/ are read, and git runs. By default the schemas and
   * privacy/ are read beside the code (CODE_ROOT: the repository, or dist/ in a
   * build, which holds copies) and git runs in the product's folder (the checkout, or an image's
   * /app, which has no history: diffs then answer NO_HISTORY).
   */
  root?: string;
  /** Git for versions and diffs; defaults to createGitRunner's (asynchronous, with a timeout and an output bound). */
  runGit?: GitRunner;
  /** Where the policies are compiled; defaults to a worker thread of the workbench's own. */
  worker?: WorkbenchWorker;
  maxDiffsAtOnce?: number;
  maxDiffsWaiting?: number;
}

export interface CommittedVersion {
  sha: string;
  date: string;
  subject: string;
}

/** What the workbench has done, for tests and operators: how often it computed, and how often a cache answered. */
export interface WorkbenchCounts {
  tables: number;
  diffs: number;
  versionLists: number;
  cacheHits: number;
  diffsRunning: number;
  diffsWaiting: number;
  /** Tables and diffs handed to the worker thread and not answered yet. */
  compiling: number;
}

/**
 * The privacy officers' workbench (workbenchRoutes.ts serves it at /privacy/): the
 * policy table, the committed versions of privacy/, and the changes since one of them, all
 * computed with the engine the subgraphs enforce with. Nothing here holds the caller's event loop:
 * git runs as asynchronous child processes with a timeout and an output bound, the policies are
 * compiled on a worker thread (startWorkbenchWorker.ts). Every answer is kept for what it depends
 * on, so repeating a question costs a hash of the files in force: the table by the policy version
 * (a hash of the policy files and the schemas), the version list by HEAD, a diff by the commit its
 * ref resolves to and the policy version, and its compilation by the committed files themselves,
 * which most commits share. At most MAX_DIFFS_AT_ONCE diffs are computed at once and
 * MAX_DIFFS_WAITING wait; beyond that a diff is refused (WORKBENCH_BUSY, 503, Retry-After).
 * A saved change to the policy files changes the version, so the page shows it at once.
 */
export function createPolicyWorkbench(options: PolicyWorkbenchOptions) {
  const root = options.root ?? CODE_ROOT;
  const policyFolder = options.policyFolder ? resolve(options.policyFolder) : undefined;
  const departments = options.departments.map(({ name, schemaFile }) => ({ name, schemaFile }));
  const schemaFiles = departments.map(({ schemaFile }) => schemaFile);
  const git = boundedGit(options.runGit ?? createGitRunner({ cwd: options.root ?? repositoryRoot() }));
  const worker = options.worker ?? startWorkbenchWorker();
  const diffTurns = createTurns(
    options.maxDiffsAtOnce ?? MAX_DIFFS_AT_ONCE,
    options.maxDiffsWaiting ?? MAX_DIFFS_WAITING,
  );
  const counts = { tables: 0, diffs: 0, versionLists: 0, cacheHits: 0 };
  const { tables, diffs, committedDiffs, versionLists } = createAnswerCaches(counts);

  const policyVersion = () => hashPolicyInForce(root, policyFolder, schemaFiles);
  const inForce = (version: string) => ({
    departments,
    root,
    ...(policyFolder ? { policyFolder } : {}),
    version,
  });
  let compiling = 0;
  const compile = async <T>(task: WorkbenchTask): Promise<WorkbenchAnswer<T>> => {
    compiling++;
    try {
      return (await worker.run(task)) as WorkbenchTaskAnswer as WorkbenchAnswer<T>;
    } finally {
      compiling--;
    }
  };

  return {
    table: (): Promise<WorkbenchAnswer<PolicyTable>> =>
      answering(async () => {
        const version = await policyVersion();
        return tables.answer(version, () => {
          counts.tables++;
          return compile<PolicyTable>({ kind: 'table', ...inForce(version) });
        });
      }),

    /** The last 50 commits that changed privacy/, newest first, to pick a version to compare with. */
    versions: (): Promise<WorkbenchAnswer<CommittedVersion[]>> =>
      answering(async () => {
        const head = (await gitText(git, ['rev-parse', '--verify', '--quiet', 'HEAD']))?.trim();
        // Not a git checkout (a deployment's copy): nothing to compare with.
        if (!head) return { ok: true, value: [] };
        return versionLists.answer(head, async () => {
          counts.versionLists++;
          const log = await gitText(git, ['log', '-n', '50', '--format=%H%x1f%cI%x1f%s', head, '--', 'privacy/']);
          return { ok: true, value: parseVersions(log ?? '') };
        });
      }),

    /** What changes for whom from the policy committed at `ref` to the policy in force. */
    diff: (ref: string): Promise<WorkbenchAnswer<{ ref: string; sha: string; changes: PolicyChange[] }>> =>
      answering(async () => {
        const commit = await resolveCommit(git, ref);
        if (!commit.ok) return commit;
        const sha = commit.value;
        const version = await policyVersion();
        const changes = await diffs.answer(`${sha} ${version}`, async () => {
          const turn = await diffTurns.take();
          if (!turn)
            return refusal(
              503,
              'WORKBENCH_BUSY',
              `the workbench is comparing as many versions as it does at once; try again in ${BUSY_RETRY_AFTER_S} s`,
              BUSY_RETRY_AFTER_S,
            );
          try {
            const blobs = await listCommittedFiles(git, sha, schemaFiles);
            // Most commits leave privacy/ and the schemas alone: one compilation per committed policy, not per commit.
            const committedPolicy = createHash('sha256')
              .update(blobs.map(({ path, oid }) => `${path}\0${oid}\n`).join(''))
              .digest('hex');
            return await committedDiffs.answer(`${committedPolicy} ${version}`, async () => {
              counts.diffs++;
              const committed = await readCommittedFiles(git, blobs);
              return compile<PolicyChange[]>({ kind: 'diff', ref, sha, committed, ...inForce(version) });
            });
          } finally {
            turn.release();
          }
        });
        return changes.ok ? { ok: true, value: { ref, sha, changes: changes.value } } : changes;
      }),

    counts(): WorkbenchCounts {
      return { ...counts, diffsRunning: diffTurns.running(), diffsWaiting: diffTurns.waiting(), compiling };
    },

    /** Ends the worker thread (it also ends itself when idle). */
    close: () => worker.close(),
  };
}

export type PolicyWorkbench = ReturnType<typeof createPolicyWorkbench>;

/** The workbench's caches (bounded, least recently used out), all counting their hits in `counts`. */
function createAnswerCaches(counts: { cacheHits: number }) {
  return {
    tables: new AnswerCache<WorkbenchAnswer<PolicyTable>>(CACHED_TABLES, counts),
    diffs: new AnswerCache<WorkbenchAnswer<PolicyChange[]>>(CACHED_DIFFS, counts),
    // By the committed files' blob ids: the same answer for every commit with that policy. Refusals
    // are not kept here, since POLICY_INVALID names the ref and commit it was asked for.
    committedDiffs: new AnswerCache<WorkbenchAnswer<PolicyChange[]>>(CACHED_COMMITTED_POLICIES, counts, {
      keepRefusals: false,
    }),
    versionLists: new AnswerCache<WorkbenchAnswer<CommittedVersion[]>>(CACHED_VERSION_LISTS, counts),
  };
}

/** The hash of what the policy in force is compiled from: the policy folder's YAML files and the schemas. */
async function hashPolicyInForce(
  root: string,
  policyFolder: string | undefined,
  schemaFiles: readonly string[],
): Promise<string> {
  const folder = policyFolder ?? join(root, 'privacy');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.yaml')).sort();
  const files = [
    ...names.map((name) => ({ name, path: join(folder, name) })),
    ...schemaFiles.map((schemaFile) => ({ name: schemaFile, path: join(root, schemaFile) })),
  ];
  const texts = await Promise.all(files.map(({ path }) => readFile(path)));
  const hash = createHash('sha256');
  files.forEach(({ name }, index) => hash.update(`${name}\0${texts[index]!.length}\0`).update(texts[index]!));
  return hash.digest('hex');
}

/** The commit a ref names, or why there is none: not a plain ref (BAD_REF), not in git (NO_HISTORY), unknown. */
async function resolveCommit(git: GitRunner, ref: string): Promise<WorkbenchAnswer<string>> {
  // Only a plain ref reaches git, always as one argument, never through a shell (readCommittedPolicy.ts).
  if (!isPlainRef(ref))
    return refusal(
      400,
      'BAD_REF',
      'give a branch, a tag or a commit id (letters, digits, . _ / -, optionally ~n or ^n)',
    );
  const sha = (await gitText(git, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]))?.trim();
  if (sha) return { ok: true, value: sha };
  if ((await gitText(git, ['rev-parse', '--git-dir'])) === null)
    return refusal(404, 'NO_HISTORY', 'the policy files are not in a git repository here');
  return refusal(404, 'UNKNOWN_REF', `no commit is called '${ref}' in this repository`);
}

/** `git log --format=%H%x1f%cI%x1f%s` as versions, each subject cut to 200 characters. */
function parseVersions(log: string): CommittedVersion[] {
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, date, subject] = line.split('\x1f') as [string, string, string];
      return { sha, date, subject: subject.slice(0, 200) };
    });
}

/** A refusal thrown from deep in a computation (more git than the workbench runs at once), answered as it is. */
class WorkbenchRefusal extends Error {
  override name = 'WorkbenchRefusal';
  constructor(readonly answer: WorkbenchRefused) {
    super(answer.message);
  }
}

function refusal(status: number, code: string, message: string, retryAfterSeconds?: number): WorkbenchRefused {
  return { ok: false, status, code, message, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
}

/**
 * The known failures as the workbench's own answers, never a throw: git that ran too long or said
 * too much, or a worker that failed (WORKBENCH_UNAVAILABLE, 503), more git than it runs at once
 * (WORKBENCH_BUSY). Anything else (a policy file that cannot be read) is the route's to answer.
 */
async function answering<T>(work: () => Promise<WorkbenchAnswer<T>>): Promise<WorkbenchAnswer<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkbenchRefusal) return error.answer;
    if (error instanceof GitFailure || error instanceof WorkbenchWorkerFailure)
      return refusal(503, 'WORKBENCH_UNAVAILABLE', `The workbench cannot answer now: ${error.message}.`);
    throw error;
  }
}

/** Git's output as text, or null when git said no (an unknown ref, not a repository); a timeout or an oversized answer is thrown. */
async function gitText(git: GitRunner, args: string[]): Promise<string | null> {
  try {
    return (await git(args)).toString('utf8');
  } catch (error) {
    if (error instanceof GitFailure && error.reason === 'failed') return null;
    throw error;
  }
}

/** The runner, allowed MAX_GIT_AT_ONCE processes at once and MAX_GIT_WAITING waiting; more is WORKBENCH_BUSY. */
function boundedGit(run: GitRunner): GitRunner {
  const turns = createTurns(MAX_GIT_AT_ONCE, MAX_GIT_WAITING);
  return async (args, options) => {
    const turn = await turns.take();
    if (!turn)
      throw new WorkbenchRefusal(
        refusal(503, 'WORKBENCH_BUSY', 'the workbench is running as much git as it does at once; try again shortly', 1),
      );
    try {
      return await run(args, options);
    } finally {
      turn.release();
    }
  };
}

/** A bounded queue: `take` gives a turn now, after those waiting, or null when `waiting` are already waiting. */
function createTurns(atOnce: number, waiting: number) {
  let running = 0;
  const queue: Array<() => void> = [];
  const turn = {
    release() {
      const next = queue.shift();
      // The turn passes to the next in line; `running` stays as it is.
      if (next) next();
      else running--;
    },
  };
  return {
    async take(): Promise<typeof turn | null> {
      if (running < atOnce) {
        running++;
        return turn;
      }
      if (queue.length >= waiting) return null;
      await new Promise<void>((resolve) => queue.push(resolve));
      return turn;
    },
    running: () => running,
    waiting: () => queue.length,
  };
}

/**
 * Answers kept by key (bounded, least recently used out), with one computation per key at a time:
 * twenty officers asking the same diff at once wait for one. Only answers that depend on nothing
 * but the key are kept (a result, or POLICY_INVALID); WORKBENCH_BUSY is not.
 */
class AnswerCache<T extends WorkbenchAnswer<unknown>> {
  private readonly kept: LRUCache<string, T>;
  private readonly computing = new Map<string, Promise<T>>();
  constructor(
    max: number,
    private readonly counts: { cacheHits: number },
    private readonly options: { keepRefusals: boolean } = { keepRefusals: true },
  ) {
    this.kept = new LRUCache({ max });
  }

  answer(key: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.kept.get(key);
    if (kept) {
      this.counts.cacheHits++;
      return Promise.resolve(kept);
    }
    const running = this.computing.get(key);
    if (running) return running;
    const started = compute()
      .then((answer) => {
        if (answer.ok || (this.options.keepRefusals && answer.code === 'POLICY_INVALID')) this.kept.set(key, answer);
        return answer;
      })
      .finally(() => this.computing.delete(key));
    this.computing.set(key, started);
    return started;
  }
}
