/**
 * A worker replica as the tests run it, in a process of its own so a test can SIGKILL it: the
 * engine over DepartmentStandIn (httpDepartmentActions) with short DBOS intervals. Its settings
 * come from the test (APPLICATIONS_TEST_*); it prints `engine ready` once it takes work.
 */
import { startApplicationsWorker } from '../engine/startApplicationsWorker.js';
import { httpDepartmentActions } from './httpDepartmentActions.js';
import { TEST_TIMING } from './testTiming.js';

const env = process.env;
const worker = await startApplicationsWorker({
  databaseUrl: env.APPLICATIONS_TEST_DATABASE_URL!,
  schema: env.APPLICATIONS_TEST_SCHEMA!,
  executorId: env.APPLICATIONS_TEST_EXECUTOR_ID!,
  actions: httpDepartmentActions(env.APPLICATIONS_TEST_STAND_IN_URL!),
  timing: TEST_TIMING,
  pollingIntervalMs: 50,
  replicaWatch: { heartbeatSeconds: 0.3, silenceSeconds: 2 },
  onTakeOver: (executorId, workflows) => process.stdout.write(`took over ${workflows} workflows of ${executorId}\n`),
  logLevel: 'error',
});
process.stdout.write('engine ready\n');
const stop = () => void worker.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
