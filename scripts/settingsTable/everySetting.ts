import { applicationsSettings } from '../../applications/applicationsConfig.js';
import type { Setting } from '../../core/config/index.js';
import { gatewaySettings } from '../../gateway/gatewayConfig.js';
import { legacyMockSettings } from '../../legacy-mocks/legacyMockConfig.js';
import { DEPARTMENT_NAMES, LEGACY_DEPARTMENT_NAMES } from '../../registry/departments.js';
import { subgraphSettings } from '../../subgraphs/kit/subgraphConfig.js';
import { workbenchSettings } from '../../workbench/workbenchConfig.js';
import { auditToolSettings } from '../auditToolSettings.js';

/** Every process kind's schema: what a process checks at start, and so what README's table lists. */
export function everySetting(): Setting[] {
  return [
    ...gatewaySettings(),
    ...DEPARTMENT_NAMES.flatMap((department) => subgraphSettings(department)),
    ...LEGACY_DEPARTMENT_NAMES.flatMap((department) => legacyMockSettings(department)),
    ...auditToolSettings(),
    ...workbenchSettings(),
    ...applicationsSettings(),
  ];
}

/** Each variable once, by the name README gives it (`<DEPARTMENT>_LEGACY_URL` for every department's). */
export function settingsByDocumentedName(): Map<string, Setting> {
  const byName = new Map<string, Setting>();
  for (const setting of everySetting())
    if (!byName.has(setting.documentedAs)) byName.set(setting.documentedAs, setting);
  return byName;
}
