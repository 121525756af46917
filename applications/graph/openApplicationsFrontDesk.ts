import type { SettingValues } from '../../core/config/index.js';
import { loadMatters, repositoryMatterContext } from '../matters/loadMatters.js';
import { createApplicationsFrontDesk, type ApplicationsService } from './ApplicationsFrontDesk.js';
import { applicationsDatabaseUrl, openActingGraphClient } from './serviceSettings.js';

/**
 * The front desk the platform subgraph answers the applications fields with, from its checked
 * settings (serviceSettings.ts): the matters that pass `npm run matters:check`, the
 * applications' database (opened on first use) and the service's client of the graph.
 */
export async function openApplicationsFrontDesk(values: SettingValues): Promise<ApplicationsService> {
  return createApplicationsFrontDesk({
    databaseUrl: applicationsDatabaseUrl(values),
    schema: (values.APPLICATIONS_SCHEMA as string | undefined) ?? 'applications',
    matters: loadMatters(repositoryMatterContext()).matters,
    graph: await openActingGraphClient(values),
  });
}
