import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Setting } from '../core/config/index.js';
import { gatewaySettings } from '../gateway/gatewayConfig.js';
import { legacyMockSettings } from '../legacy-mocks/legacyMockConfig.js';
import { DEPARTMENT_NAMES, LEGACY_DEPARTMENT_NAMES } from '../registry/departments.js';
import { auditToolSettings } from '../scripts/auditToolSettings.js';
import { subgraphSettings } from '../subgraphs/kit/subgraphConfig.js';
import { workbenchSettings } from '../workbench/workbenchConfig.js';

/** Every process kind's schema: what a process checks at start, and so what README must list. */
function everySetting(): Setting[] {
  return [
    ...gatewaySettings(),
    ...DEPARTMENT_NAMES.flatMap((department) => subgraphSettings(department)),
    ...LEGACY_DEPARTMENT_NAMES.flatMap((department) => legacyMockSettings(department)),
    ...auditToolSettings(),
    ...workbenchSettings(),
  ];
}

/** The rows of README's "Ports and settings" table: the variables each names, and its text. */
function readmeRows(): Array<{ names: string[]; text: string }> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Ports and settings'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| variable |')));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const first = line.split(' | ')[0]!.replace(/\(e\.g\. [^)]*\)/g, '');
      return { names: [...first.matchAll(/`([A-Z<][A-Z0-9_<>]*)(=[^`]*)?`/g)].map((match) => match[1]!), text: line };
    });
}

describe("README's settings table", () => {
  const rows = readmeRows();
  const documented = new Set(rows.flatMap((row) => row.names));
  const settings = everySetting();

  it('lists every variable a process checks at start', () => {
    const missing = [...new Set(settings.map((setting) => setting.documentedAs))].filter(
      (name) => !documented.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('lists no variable that no process reads', () => {
    const known = new Set(settings.map((setting) => setting.documentedAs));
    expect([...documented].filter((name) => !known.has(name))).toEqual([]);
  });

  it('says which variables production requires and which development values it refuses', () => {
    const rowOf = (name: string) => rows.find((row) => row.names.includes(name))!.text;
    for (const setting of settings) {
      if (setting.requiredInProduction) expect(rowOf(setting.documentedAs)).toContain('required in production');
      if (setting.developmentValue) expect(rowOf(setting.documentedAs)).toContain('refused in production');
    }
  });
});
