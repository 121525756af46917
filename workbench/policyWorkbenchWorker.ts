import { parentPort } from 'node:worker_threads';
import { computeWorkbenchAnswer, type WorkbenchTask } from './computeWorkbenchAnswer.js';

/**
 * The workbench's worker thread (started by startWorkbenchWorker.ts): it compiles and explains
 * policies one task at a time, so the gateway's event loop never does. An exception is answered
 * by its class only (a message may name a path of this machine).
 */
parentPort?.on('message', ({ id, task }: { id: number; task: WorkbenchTask }) => {
  try {
    parentPort!.postMessage({ id, answer: computeWorkbenchAnswer(task) });
  } catch (error) {
    parentPort!.postMessage({ id, failed: error instanceof Error ? error.name : 'Error' });
  }
});
