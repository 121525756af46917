import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture's import rules (.dependency-cruiser.cjs) over every folder of source: each
 * rule names the boundary and why it holds, and a crossing fails here with the file and the
 * import. The same check from a shell: `npx depcruise --config .dependency-cruiser.cjs
 * --output-type err core policy access-log gateway subgraphs legacy-mocks portal workbench applications registry scripts bench test`.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = [
  'core',
  'policy',
  'access-log',
  'gateway',
  'subgraphs',
  'legacy-mocks',
  'portal',
  'workbench',
  'applications',
  'registry',
  'scripts',
  'bench',
  'test',
];
const CONFIG = '.dependency-cruiser.cjs';
const rules = (createRequire(import.meta.url)(`${ROOT}${CONFIG}`) as { forbidden: IForbiddenRuleType[] }).forbidden;

let result: ICruiseResult;

beforeAll(async () => {
  process.chdir(ROOT);
  const options = await extractDepcruiseOptions(`./${CONFIG}`);
  const output = await cruise(
    FOLDERS,
    { ...options, validate: true },
    {},
    { tsConfig: extractTSConfig('tsconfig.json') },
  );
  result = output.output as ICruiseResult;
});

describe('the import rules of the architecture', () => {
  it('finds no import that crosses a boundary', () => {
    const crossings = result.summary.violations.map(
      (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
    );
    expect(crossings).toEqual([]);
  });

  it('reads the whole tree, resolving the .js imports of TypeScript files to their sources', () => {
    const modules = result.modules.filter((module) => !module.coreModule && !module.source.includes('node_modules'));
    expect(modules.length).toBeGreaterThan(400);
    const unresolved = modules.flatMap((module) =>
      module.dependencies
        .filter((dependency) => dependency.couldNotResolve && dependency.module.startsWith('.'))
        .map((dependency) => `${module.source} → ${dependency.module}`),
    );
    expect(unresolved).toEqual([]);
  });

  // A rule whose folder was renamed away would pass for ever without checking anything.
  it.each(rules.map((rule) => [rule.name!, rule] as const))('rule %s applies to some file', (_name, rule) => {
    const from = new RegExp(String(rule.from.path));
    expect(result.modules.some((module) => from.test(module.source))).toBe(true);
  });
});
