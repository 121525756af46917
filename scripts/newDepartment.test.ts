import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_BEGIN, TABLE_END } from './renderDepartmentTable.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEPARTMENT = 'housing';
/**
 * Scaffold, compose, codegen, then the type check, the registry's test and a whole stack run side by
 * side: about 40 s on a quiet machine. The bounds only stop a hang: in the full suite the copy's type
 * check shares two cores with every other test file, and CI must not fail on a slow machine.
 */
const SCAFFOLD_TIMEOUT_MS = 300_000;
const CHECK_TIMEOUT_MS = 300_000;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command in the copy; a non-zero exit is an outcome to assert on, not a throw. */
async function inCopy(copy: string, command: string, args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: copy,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'test' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

/** The repository's tracked files in a temporary folder, node_modules linked: the real working tree is never touched. */
async function copyRepository(): Promise<string> {
  const copy = mkdtempSync(join(tmpdir(), 'new-department-'));
  const { stdout } = await run('git', ['ls-files', '-z'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  for (const path of stdout.split('\0')) {
    // A tracked file deleted in the working tree is not part of what is being tested.
    if (path === '' || !existsSync(join(ROOT, path))) continue;
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    copyFileSync(join(ROOT, path), join(copy, path));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  // A repository of its own, so the test can ask git what the scaffold changed.
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], { cwd: copy });
  await git('init', '-q');
  writeFileSync(join(copy, '.git', 'info', 'exclude'), 'node_modules\n');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'before the scaffold');
  return copy;
}

/**
 * What a new department may change outside its own folders (subgraphs/<name>/, legacy-mocks/<name>/,
 * privacy/<name>.yaml): its registry line, its role and purpose, and files generated from them.
 */
const SHARED_FILES_A_DEPARTMENT_CHANGES = [
  'registry/departments.ts',
  'privacy/roles.yaml',
  'supergraph.graphql', // npm run compose
  'schema.graphql', // npm run compose
  'README.md', // npm run departments -- --write, between its markers only
  'registry/departmentModules.ts', // npm run departments -- --write
  'registry/standInModules.ts', // npm run departments -- --write
];

/** The most files a new department starts with (issue 21): definition, schema, client, stand-in, policy, and their tests. */
const MOST_FILES_SCAFFOLDED = 15;

describe('npm run new:department', () => {
  let copy: string;
  let scaffold: Outcome;

  beforeAll(async () => {
    copy = await copyRepository();
    scaffold = await inCopy(copy, 'npm', ['run', '--silent', 'new:department', '--', DEPARTMENT]);
  }, SCAFFOLD_TIMEOUT_MS);

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('scaffolds a department that composes and has typed resolvers', () => {
    expect(scaffold.code, scaffold.stderr).toBe(0);
    for (const path of [
      `subgraphs/${DEPARTMENT}/department.ts`,
      `subgraphs/${DEPARTMENT}/generated/resolvers-types.ts`,
      `subgraphs/${DEPARTMENT}/legacy/${DEPARTMENT}Client.test.ts`,
      `legacy-mocks/${DEPARTMENT}/index.ts`,
      `privacy/${DEPARTMENT}.yaml`,
    ]) {
      expect(existsSync(join(copy, path)), path).toBe(true);
    }
    // No wiring of its own: kit's startDepartment and the two process entries run it.
    for (const path of [
      `subgraphs/${DEPARTMENT}/server.ts`,
      `subgraphs/${DEPARTMENT}/main.ts`,
      `legacy-mocks/${DEPARTMENT}/main.ts`,
    ])
      expect(existsSync(join(copy, path)), path).toBe(false);
    const created = scaffold.stdout.split('\n').filter((line) => line.trim().startsWith('created '));
    expect(created.length, created.join('\n')).toBeLessThanOrEqual(MOST_FILES_SCAFFOLDED);
  });

  it('changes no shared file by hand: only its own folders, its registry line, its role, and generated files', async () => {
    expect(scaffold.code, scaffold.stderr).toBe(0);
    const { stdout } = await run('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: copy });
    const changed = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    const own = [
      `subgraphs/${DEPARTMENT}/`,
      `legacy-mocks/${DEPARTMENT}/`,
      `privacy/${DEPARTMENT}.yaml`,
      `privacy/tests/${DEPARTMENT}.yaml`,
    ];
    const shared = changed.filter((path) => !own.some((prefix) => path.startsWith(prefix)));
    expect(shared.sort()).toEqual([...SHARED_FILES_A_DEPARTMENT_CHANGES].sort());
    // In the README only the generated department table moved: everything outside its markers is as it was.
    const outsideTable = (text: string) =>
      text.slice(0, text.indexOf(TABLE_BEGIN)) + text.slice(text.indexOf(TABLE_END));
    const { stdout: before } = await run('git', ['show', 'HEAD:README.md'], { cwd: copy, maxBuffer: 16 * 1024 * 1024 });
    expect(outsideTable(readFileSync(join(copy, 'README.md'), 'utf8'))).toBe(outsideTable(before));
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toContain(`| \`${DEPARTMENT}\` |`);
  });

  it('refuses a name that is taken or not lower-case letters', async () => {
    const scaffoldNamed = (name: string) => inCopy(copy, 'npm', ['run', '--silent', 'new:department', '--', name]);
    const [taken, scaffolded, malformed] = await Promise.all([
      scaffoldNamed('tax'),
      scaffoldNamed(DEPARTMENT),
      scaffoldNamed('Bad-name'),
    ]);
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain('tax is already in registry/departments.ts');
    expect(scaffolded.code).not.toBe(0);
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain('lower-case letters');
  });

  it(
    'passes policy:check, type checks, and answers through the gateway with every new field denied',
    async () => {
      expect(scaffold.code, scaffold.stderr).toBe(0);
      const [policy, policyTests, typecheck, query, registry, own] = await Promise.all([
        inCopy(copy, 'npm', ['run', '--silent', 'policy:check']),
        // Its own cases, and every other department's still complete: its officer is a stranger to their rules.
        inCopy(copy, 'npm', ['run', '--silent', 'policy:test']),
        inCopy(copy, 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
        inCopy(copy, process.execPath, ['--import', 'tsx', 'scripts/queryDepartmentRecord.ts', DEPARTMENT]),
        // The registry's own test: every shared file, the README's tables and roles.yaml agree with the new line.
        inCopy(copy, 'npx', ['vitest', 'run', 'registry/departments.test.ts']),
        // Its own tests: the client against the stand-in, and the stand-in, each over real HTTP.
        inCopy(copy, 'npx', [
          'vitest',
          'run',
          `subgraphs/${DEPARTMENT}/legacy/${DEPARTMENT}Client.test.ts`,
          `legacy-mocks/${DEPARTMENT}/start${DEPARTMENT[0]!.toUpperCase()}${DEPARTMENT.slice(1)}Mock.test.ts`,
        ]),
      ]);
      expect(policy.code, policy.stdout + policy.stderr).toBe(0);
      expect(policy.stdout).toContain(`OK privacy/${DEPARTMENT}.yaml`);
      expect(policyTests.code, policyTests.stdout + policyTests.stderr).toBe(0);
      expect(policyTests.stdout).toContain(`OK privacy/tests/${DEPARTMENT}.yaml`);
      expect(typecheck.code, typecheck.stdout + typecheck.stderr).toBe(0);
      expect(registry.code, registry.stdout + registry.stderr).toBe(0);
      expect(own.code, own.stdout + own.stderr).toBe(0);
      expect(own.stdout).toMatch(/Test Files[^\n]*2 passed/);

      expect(query.code, query.stderr).toBe(0);
      const answer = JSON.parse(query.stdout.trim().split('\n').at(-1)!) as {
        id: string;
        status: number;
        data: { person: Record<string, unknown> | null } | null;
        errors?: Array<{ path?: Array<string | number>; extensions?: { code?: string } }>;
      };
      expect(answer.status).toBe(200);
      // The key comes back from the departments that own Person; the new field is joined in, and denied.
      expect(answer.data?.person).toEqual({ id: answer.id, [`${DEPARTMENT}Record`]: null });
      const denied = answer.errors?.find((error) => error.path?.join('.') === `person.${DEPARTMENT}Record`);
      expect(denied?.extensions?.code).toBe('FORBIDDEN');
    },
    CHECK_TIMEOUT_MS,
  );
});
