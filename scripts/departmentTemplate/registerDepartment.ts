import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DepartmentNames } from './departmentNames.js';

/** Where the new department sits in the registry, and the department listed last before it. */
export interface DepartmentPlacement {
  subgraphPort: number;
  legacyPort: number;
  /** The last registry department with a legacy system: the new entries go after its own. */
  previous: { name: string; subgraphPort: number; legacyPort: number };
}

/** One shared file and how the new department is added to it; each edit fails loudly when its anchor is gone. */
interface SharedEdit {
  file: string;
  edit(text: string, names: DepartmentNames, placement: DepartmentPlacement): string;
}

/**
 * The shared files that still name each department (docs/adding-a-department.md, section 5),
 * plus the registry and roles.yaml. registry/departments.test.ts fails when one disagrees with
 * the registry, so each edit here is checked by that test as well as by the type checker.
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
  {
    file: 'legacy-mocks/legacyMocks.ts',
    edit: (text, { name, Name }) => {
      const imported = insertAfterLast(
        text,
        /^import \{ start\w+Mock \} from '\.\/\w+\/index\.js';$/m,
        `\nimport { start${Name}Mock } from './${name}/index.js';`,
      );
      return insertBefore(imported, '\n};', [`\n  ${name}: start${Name}Mock,`], imported.indexOf('LEGACY_MOCKS'));
    },
  },
  {
    file: 'test/departmentSubgraphs.ts',
    edit: (text, { name, Name }) => {
      const imported = insertAfterLast(
        text,
        /^import \{ start\w+Subgraph \} from '\.\.\/subgraphs\/\w+\/server\.js';$/m,
        `\nimport { start${Name}Subgraph } from '../subgraphs/${name}/server.js';`,
      );
      return insertBefore(
        imported,
        '\n};',
        [`\n  ${name}: start${Name}Subgraph,`],
        imported.indexOf('DEPARTMENT_SUBGRAPHS'),
      );
    },
  },
  {
    file: 'codegen.ts',
    edit: (text, { name, Name }) =>
      insertBefore(
        text,
        '\n};',
        [
          `\n  ${name}: {`,
          '    mappers: {',
          '      Person: `${KIT_REFERENCES}#PersonReference`,',
          `      ${Name}Record: '../legacy/index.js#${Name}RecordOfPerson',`,
          '    },',
          `    contextType: '../loaders.js#${Name}Context',`,
          '  },',
        ],
        text.indexOf('const RESOLVER_TYPES'),
      ),
  },
  {
    file: 'package.json',
    edit: (text, { name }) => {
      const manifest = JSON.parse(text) as { scripts: Record<string, string> };
      let scripts = insertScript(manifest.scripts, 'mock:', `mock:${name}`, `tsx legacy-mocks/${name}/main.ts`);
      scripts = insertScript(scripts, 'subgraph:', `subgraph:${name}`, `tsx subgraphs/${name}/main.ts`);
      return `${JSON.stringify({ ...manifest, scripts }, null, 2)}\n`;
    },
  },
  { file: 'README.md', edit: addReadmeRows },
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

/**
 * The README's tables: a row in "The pieces" for the subgraph and the stand-in, and the new
 * variables and default ports in the settings rows that registry/departments.test.ts reads.
 */
function addReadmeRows(text: string, { name, NAME }: DepartmentNames, placement: DepartmentPlacement): string {
  const { previous, subgraphPort, legacyPort } = placement;
  const PREVIOUS = previous.name.toUpperCase();
  let readme = insertRowAfter(
    text,
    `| \`subgraphs/${previous.name}/\``,
    `| \`subgraphs/${name}/\` | the ${name} department's subgraph: \`Person.${name}Record\` | \`npm run subgraph:${name}\` |`,
  );
  readme = insertRowAfter(
    readme,
    `| \`legacy-mocks/${previous.name}/\``,
    `| \`legacy-mocks/${name}/\` | the ${name} department's legacy system, REST/JSON ([its interface](legacy-mocks/${name}/README.md)) | \`npm run mock:${name}\` |`,
  );
  const settings = [
    { variable: 'SUBGRAPH_URL', after: `:${previous.subgraphPort}/graphql\``, value: `\`:${subgraphPort}/graphql\`` },
    { variable: 'SUBGRAPH_PORT', after: `\`${previous.subgraphPort}\``, value: `\`${subgraphPort}\`` },
    { variable: 'LEGACY_URL', after: `:${previous.legacyPort}\``, value: `\`:${legacyPort}\`` },
    { variable: 'LEGACY_PORT', after: `\`${previous.legacyPort}\``, value: `\`${legacyPort}\`` },
  ];
  for (const { variable, after, value } of settings) {
    readme = editSettingsRow(readme, `\`${PREVIOUS}_${variable}\``, `\`${NAME}_${variable}\``, after, value);
  }
  return readme;
}

/** In the settings row naming `previousVariable` in its first cell: the new variable after it, the new default after `after`. */
function editSettingsRow(
  text: string,
  previousVariable: string,
  variable: string,
  after: string,
  value: string,
): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith('| `') && line.split('|')[1]!.includes(previousVariable));
  if (index < 0) throw new Error(`no settings row names ${previousVariable}`);
  const [, first, second, ...rest] = lines[index]!.split('|');
  if (!second!.includes(after)) throw new Error(`the ${previousVariable} row has no default ${after}`);
  const cells = [
    first!.replace(previousVariable, `${previousVariable}, ${variable}`),
    second!.replace(after, `${after}, ${value}`),
  ];
  lines[index] = ['', ...cells, ...rest].join('|');
  return lines.join('\n');
}

function insertRowAfter(text: string, rowStart: string, row: string): string {
  const start = text.indexOf(`\n${rowStart}`);
  if (start < 0) throw new Error(`no row starts with ${rowStart}`);
  const end = text.indexOf('\n', start + 1);
  return `${text.slice(0, end)}\n${row}${text.slice(end)}`;
}

/** `lines` inserted just before the first `anchor` found from `from` on. */
function insertBefore(text: string, anchor: string, lines: readonly string[], from = 0): string {
  const at = from < 0 ? -1 : text.indexOf(anchor, from);
  if (at < 0) throw new Error(`${JSON.stringify(anchor.trim())} not found`);
  return `${text.slice(0, at)}${lines.join('\n')}${text.slice(at)}`;
}

function insertAfterLast(text: string, line: RegExp, addition: string): string {
  const matches = [...text.matchAll(new RegExp(line.source, 'gm'))];
  const last = matches.at(-1);
  if (!last) throw new Error(`no line matches ${line.source}`);
  const end = last.index + last[0].length;
  return `${text.slice(0, end)}${addition}${text.slice(end)}`;
}

/** The scripts with `key` right after the last script starting with `prefix` (at the end when there is none). */
function insertScript(
  scripts: Record<string, string>,
  prefix: string,
  key: string,
  command: string,
): Record<string, string> {
  const entries = Object.entries(scripts);
  const last = entries.findLastIndex(([name]) => name.startsWith(prefix));
  entries.splice(last < 0 ? entries.length : last + 1, 0, [key, command]);
  return Object.fromEntries(entries);
}
