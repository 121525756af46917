import { bundleForNode } from '../deployed/bundleForNode.js';
import { forkBenchProcess } from '../forkBenchProcess.js';
import type { Contender } from './Contender.js';

const ENTRY = new URL('../processes/directLegacyProcess.ts', import.meta.url).pathname;

/**
 * Contender 5: no GraphQL, the departments' legacy clients called directly in parallel (the lower
 * bound). From a build, its process is bundled for plain node with the clients imported from the
 * build (bundleForNode); from the sources, it runs through tsx.
 */
export const directLegacy: Contender = {
  id: 5,
  name: 'no GraphQL: legacy clients called directly',
  async start(context) {
    const build = context.backend.build;
    const script = build.loader === 'node' ? await bundleForNode(ENTRY, build) : ENTRY;
    const child = await forkBenchProcess<{ url: string }>(script, {
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
