import { Worker } from 'node:worker_threads';
import type { WorkbenchTask, WorkbenchTaskAnswer } from './computeWorkbenchAnswer.js';

/** Compiling the policy twice takes a tenth of a second; a task this slow is stuck, and its worker is ended. */
export const WORKBENCH_TASK_TIMEOUT_MS = 30_000;
/** An idle worker holds a compiled policy and its own graphql; it is ended after this long without work. */
export const WORKBENCH_WORKER_IDLE_MS = 60_000;

export interface WorkbenchWorker {
  /** Rejects with WorkbenchWorkerFailure when the worker fails, exits or runs out of time. */
  run(task: WorkbenchTask): Promise<WorkbenchTaskAnswer>;
  close(): Promise<void>;
}

export class WorkbenchWorkerFailure extends Error {
  override name = 'WorkbenchWorkerFailure';
}

/**
 * The workbench's CPU work (computeWorkbenchAnswer) on a worker thread of its own, started at the
 * first task and ended when idle, so an officer's diff never holds the gateway's event loop. Tasks
 * run one after another in the worker; the workbench bounds how many it sends.
 */
export function startWorkbenchWorker(options: { timeoutMs?: number; idleMs?: number } = {}): WorkbenchWorker {
  const timeoutMs = options.timeoutMs ?? WORKBENCH_TASK_TIMEOUT_MS;
  const idleMs = options.idleMs ?? WORKBENCH_WORKER_IDLE_MS;
  let worker: Worker | null = null;
  let nextId = 0;
  let idle: NodeJS.Timeout | undefined;
  const pending = new Map<
    number,
    { resolve(answer: WorkbenchTaskAnswer): void; reject(error: Error): void; timer: NodeJS.Timeout }
  >();

  const failAll = (why: string) => {
    for (const [id, task] of pending) {
      clearTimeout(task.timer);
      task.reject(new WorkbenchWorkerFailure(why));
      pending.delete(id);
    }
  };
  const end = (why: string) => {
    const ending = worker;
    worker = null;
    failAll(why);
    return ending ? ending.terminate().then(() => undefined) : Promise.resolve();
  };
  const start = (): Worker => {
    const started = spawnWorker();
    started.on('message', ({ id, answer, failed }: { id: number; answer?: WorkbenchTaskAnswer; failed?: string }) => {
      const task = pending.get(id);
      if (!task) return;
      pending.delete(id);
      clearTimeout(task.timer);
      if (answer) task.resolve(answer);
      else task.reject(new WorkbenchWorkerFailure(`the policy could not be compiled (${failed ?? 'Error'})`));
      settle();
    });
    started.on('error', (error) => {
      if (worker === started) void end(`the workbench's worker failed (${error.name})`);
    });
    started.on('exit', () => {
      if (worker === started) void end("the workbench's worker stopped");
    });
    return started;
  };
  // Held (ref) while it has work, so a script awaiting an answer does not exit; otherwise idle and unref'd.
  const settle = () => {
    if (!worker) return;
    if (pending.size > 0) {
      worker.ref();
      clearTimeout(idle);
      return;
    }
    worker.unref();
    clearTimeout(idle);
    idle = setTimeout(() => void end('idle'), idleMs).unref();
  };

  return {
    run(task) {
      worker ??= start();
      const id = nextId++;
      const answer = new Promise<WorkbenchTaskAnswer>((resolve, reject) => {
        const timer = setTimeout(() => {
          // The worker is stuck in this task: end it (and with it the tasks queued behind), start afresh next time.
          void end(`the policy took longer than ${timeoutMs} ms to compile`);
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
      });
      worker.postMessage({ id, task });
      settle();
      return answer;
    },
    close: () => {
      clearTimeout(idle);
      return end('closed');
    },
  };
}

/**
 * The worker from the built JavaScript (dist/), or from the TypeScript sources when this module
 * runs from them (tsx, vitest): a worker thread does not inherit the parent's TypeScript loader,
 * so it registers tsx's before it imports the worker.
 */
function spawnWorker(): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const file = new URL(`./policyWorkbenchWorker.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSources) return new Worker(file);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); })`,
    { eval: true },
  );
}
