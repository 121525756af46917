import { forkBenchProcess } from '../forkBenchProcess.js';
import type { Contender } from './Contender.js';

/** Contender 5: no GraphQL, the departments' legacy clients called directly in parallel (the lower bound). */
export const directLegacy: Contender = {
  id: 5,
  name: 'no GraphQL: legacy clients called directly',
  async start(context) {
    const child = await forkBenchProcess<{ url: string }>('directLegacyProcess.ts', {
      env: { BENCH_LEGACY: JSON.stringify(context.backend.legacy) },
      execArgv: context.execArgv,
    });
    return {
      pid: child.pid,
      requestFor: async (scenario) => ({
        url: `${child.ready.url}/${scenario.key}`,
        method: 'POST',
        variants: scenario.subjects.map((subject) => ({
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(subject.openVariables),
        })),
      }),
      stop: child.stop,
    };
  },
};
