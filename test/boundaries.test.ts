import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) =>
    relative(ROOT, join(ROOT, file, '..', match[1]!)),
  );
}

/** The folders a folder must not import from (STYLE.md, "Where things live"). */
// Tests of core/ and registry/ may import their users, to check that those agree with them.
const BOUNDARIES: ReadonlyArray<{ folder: string; mustNotImport: readonly string[]; why: string; tests: boolean }> = [
  {
    folder: 'legacy-mocks',
    mustNotImport: ['subgraphs/', 'gateway/'],
    why: 'a stand-in shares no code with the adapter it tests',
    tests: true,
  },
  {
    folder: 'core',
    mustNotImport: ['subgraphs/', 'gateway/', 'legacy-mocks/'],
    why: 'the neutral code depends on none of its users',
    tests: false,
  },
  {
    folder: 'gateway',
    mustNotImport: ['legacy-mocks/'],
    why: 'the gateway talks to departments, never to their legacy systems',
    tests: true,
  },
  {
    folder: 'registry',
    mustNotImport: ['subgraphs/', 'gateway/', 'legacy-mocks/'],
    why: 'everything reads the registry, it reads nothing',
    tests: false,
  },
];

/** A department's code (not its tests' helpers) reaches kit only through kit's index: its one face. */
const DEPARTMENT_FOLDERS = readdirSync(join(ROOT, 'subgraphs')).filter(
  (name) => name !== 'kit' && statSync(join(ROOT, 'subgraphs', name)).isDirectory(),
);

/** What reaches into subgraphs/ from outside may use kit's index and nothing deeper (a department's server only by convention). */
const OUTSIDERS_OF_KIT: ReadonlyArray<{ folder: string; why: string }> = [
  { folder: 'gateway', why: 'the gateway knows the departments only through the registry, and kit only by its face' },
];

describe('folder boundaries', () => {
  it.each(OUTSIDERS_OF_KIT)('$folder imports from subgraphs/ only kit/index.ts ($why)', ({ folder }) => {
    const deep = sourceFiles(folder).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('subgraphs/') && target !== 'subgraphs/kit/index.js')
        .map((target) => `${file} → ${target}`),
    );
    expect(deep).toEqual([]);
  });

  it.each(DEPARTMENT_FOLDERS)('subgraphs/%s imports kit only through subgraphs/kit/index.ts', (department) => {
    const deep = sourceFiles(join('subgraphs', department))
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith('subgraphs/kit/') && target !== 'subgraphs/kit/index.js')
          .map((target) => `${file} → ${target}`),
      );
    expect(deep).toEqual([]);
  });

  it.each(BOUNDARIES)('$folder imports nothing from $mustNotImport ($why)', ({ folder, mustNotImport, tests }) => {
    const files = sourceFiles(folder).filter((file) => tests || !file.endsWith('.test.ts'));
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => mustNotImport.some((forbidden) => target.startsWith(forbidden)))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });
});
