import { departmentSettings, type LegacyDepartment } from '../registry/departments.js';
import type { RunningLegacyServer } from './common/index.js';
import type { DataSet } from './data/index.js';

/** What starting any department's legacy system takes: port 0 (the default) for an ephemeral one. */
export interface LegacyMockOptions {
  port?: number;
  host?: string;
  dataSet?: DataSet;
  /** What the system accepts from its subgraph (legacyMockConfig.ts); the development values by default. */
  legacyCredentials?: { apiKey?: string; username?: string; password?: string };
}

export type StartLegacyMock = (options?: LegacyMockOptions) => Promise<RunningLegacyServer>;

/**
 * How to start a registry department's legacy system: the `start<Name>Mock` its
 * `legacy-mocks/<name>/index.ts` exports, found by the registry's convention, so a new
 * department's stand-in needs no line here. A missing folder or export fails with the file to
 * write (registry/departments.test.ts loads every department's).
 */
export async function loadLegacyMock(department: LegacyDepartment): Promise<StartLegacyMock> {
  const mock = departmentSettings(department).files.mock;
  if (!mock) throw new Error(`registry/departments.ts gives ${department} no legacy system`);
  let module: Record<string, unknown>;
  try {
    // A URL, not a template in import(): the bundler in the tests would try to enumerate the folders.
    // Built (dist/, npm run build), this module is JavaScript and so is the stand-in it loads.
    const file = import.meta.url.endsWith('.js') ? mock.index.replace(/\.ts$/, '.js') : mock.index;
    const url = new URL(`../${file}`, import.meta.url).href;
    module = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`cannot load ${mock.index}: ${(error as Error).message}`, { cause: error });
  }
  const start = module[mock.startExport];
  if (typeof start !== 'function') {
    throw new Error(`${mock.index} exports no function ${mock.startExport} (docs/adding-a-department.md)`);
  }
  return start as StartLegacyMock;
}
