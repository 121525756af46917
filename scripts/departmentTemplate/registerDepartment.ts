import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DepartmentNames } from './departmentNames.js';

/** The new department's default ports: the next free ones after the registry's. */
export interface DepartmentPlacement {
  subgraphPort: number;
  legacyPort: number;
}

/** One shared file and how the new department is added to it; each edit fails loudly when its anchor is gone. */
interface SharedEdit {
  file: string;
  edit(text: string, names: DepartmentNames, placement: DepartmentPlacement): string;
}

/**
 * The only shared files a department is added to: its registry line, and its role and purpose in
 * roles.yaml (the privacy officers' list, which registry/departments.test.ts keeps equal to the
 * registry). Everything else finds the department's own folders by the registry's convention.
 */
const SHARED_EDITS: readonly SharedEdit[] = [
  {
    file: 'registry/departments.ts',
    edit: (text, { name }, { subgraphPort, legacyPort }) =>
      insertBefore(text, '\n] as const;', [
        '\n  {',
        `    name: '${name}',`,
        `    description: "The ${name} department: a resident's ${name} record (REST/JSON).",`,
        `    subgraphPort: ${subgraphPort},`,
        `    legacyPort: ${legacyPort},`,
        `    roles: ['${name}-officer'],`,
        `    purposes: ['${name}-records'],`,
        '  },',
      ]),
  },
  {
    file: 'privacy/roles.yaml',
    edit: (text, { name }) => {
      const withRole = insertBefore(text, '\n\npurposes:', [
        `\n  ${name}-officer: Staff of the ${name} department who keep its records.`,
      ]);
      return `${withRole.trimEnd()}\n  ${name}-records: Keeping or checking a resident's ${name} record.\n`;
    },
  },
];

/** Adds the new department to every shared file; returns the files changed. */
export function registerDepartment(root: string, names: DepartmentNames, placement: DepartmentPlacement): string[] {
  // Every edit is computed before any file is written, so a missing anchor leaves the shared files as they were.
  const edited = SHARED_EDITS.map(({ file, edit }) => {
    try {
      return { file, text: edit(readFileSync(join(root, file), 'utf8'), names, placement) };
    } catch (error) {
      throw new Error(`cannot add ${names.name} to ${file}: ${(error as Error).message}`);
    }
  });
  for (const { file, text } of edited) writeFileSync(join(root, file), text);
  return edited.map(({ file }) => file);
}

/** `lines` inserted just before the first `anchor`. */
function insertBefore(text: string, anchor: string, lines: readonly string[]): string {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`${JSON.stringify(anchor.trim())} not found`);
  return `${text.slice(0, at)}${lines.join('\n')}${text.slice(at)}`;
}
