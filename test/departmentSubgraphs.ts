import { departmentSettings, type LegacyDepartment } from '../registry/departments.js';
import type { RunningSubgraph, SubgraphSettings } from '../subgraphs/kit/index.js';

export type StartDepartmentSubgraph = (settings: SubgraphSettings) => Promise<RunningSubgraph>;

/**
 * How the harness and the benchmarks start a department's subgraph in their own process (the
 * platform's, with no legacy system, takes other settings and is started apart): the
 * `start<Name>Subgraph` its `subgraphs/<name>/server.ts` exports, found by the registry's
 * convention, so a new department needs no line here.
 */
export async function loadDepartmentSubgraph(department: LegacyDepartment): Promise<StartDepartmentSubgraph> {
  const { subgraphServer, startSubgraphExport } = departmentSettings(department).files;
  let module: Record<string, unknown>;
  try {
    // A URL, not a template in import(): the bundler in the tests would try to enumerate the folders.
    const url = new URL(`../${subgraphServer}`, import.meta.url).href;
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot load ${subgraphServer}: ${(error as Error).message}`, { cause: error });
  }
  const start = module[startSubgraphExport];
  if (typeof start !== 'function') {
    throw new Error(`${subgraphServer} exports no function ${startSubgraphExport} (docs/adding-a-department.md)`);
  }
  return start as StartDepartmentSubgraph;
}
