import type { EngineTiming } from '../engine/EngineTiming.js';

/** DBOS's intervals shortened for tests: a department back within a second is caught at once. */
export const TEST_TIMING: EngineTiming = {
  intervalSeconds: 0.05,
  backoffRate: 1.5,
  attemptsPerRound: 4,
  roundPauseSeconds: 0.3,
};
