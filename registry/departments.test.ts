import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import codegenConfig from '../codegen.js';
import { SUBGRAPHS } from '../gateway/subgraphList.js';
import {
  DEPARTMENT_MODULES_FILE,
  renderDepartmentModules,
  renderStandInModules,
  STAND_IN_MODULES_FILE,
} from '../scripts/renderDepartmentModules.js';
import { renderDepartmentTable, TABLE_BEGIN, TABLE_END } from '../scripts/renderDepartmentTable.js';
import { Accessor } from '../subgraphs/platform/resolvers/Accessor.js';
import { startStack } from '../test/harness.js';
import {
  DEPARTMENT_NAMES,
  DEPARTMENT_SETTINGS,
  DEPARTMENTS,
  departmentSettings,
  GATEWAY_DEFAULT_PORT,
  LEGACY_DEPARTMENT_NAMES,
  type Department,
} from './departments.js';
import { DEPARTMENT_MODULES } from './departmentModules.js';
import { STAND_IN_MODULES } from './standInModules.js';

const ROOT = new URL('../', import.meta.url);
const readText = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

describe('the department registry', () => {
  it('names each department once, with defaults on ports no other piece uses', () => {
    expect(new Set(DEPARTMENT_NAMES).size).toBe(DEPARTMENT_NAMES.length);
    const departmentPorts = DEPARTMENTS.flatMap((entry) => [entry.subgraphPort, entry.legacyPort ?? []].flat());
    const ports = [GATEWAY_DEFAULT_PORT, ...departmentPorts];
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('keeps the ports and variables every deployment already uses', () => {
    // Changing one of these breaks operators' settings: it needs a README note, not just a new number.
    // A department added later (npm run new:department) takes the next free ports; these must not move.
    const shipped = ['market', 'tax', 'social', 'platform'];
    const defaults = DEPARTMENT_SETTINGS.filter((entry) => shipped.includes(entry.name)).map((entry) => [
      entry.name,
      entry.subgraphPort,
      entry.legacy?.port ?? null,
    ]);
    expect(defaults).toEqual([
      ['market', 4001, 5001],
      ['tax', 4002, 5002],
      ['social', 4003, 5003],
      ['platform', 4004, null],
    ]);
    expect(departmentSettings('tax')).toMatchObject({
      subgraphPortVariable: 'TAX_SUBGRAPH_PORT',
      subgraphUrlVariable: 'TAX_SUBGRAPH_URL',
      defaultSubgraphUrl: 'http://127.0.0.1:4002/graphql',
      legacy: { portVariable: 'TAX_LEGACY_PORT', urlVariable: 'TAX_LEGACY_URL', defaultUrl: 'http://127.0.0.1:5002' },
    });
  });

  it('owns exactly the roles and purposes of privacy/roles.yaml, each by one department', () => {
    type RolesFile = { roles: Record<string, string>; purposes: Record<string, string> };
    const declared = parse(readText('privacy/roles.yaml')) as RolesFile;
    const roles = DEPARTMENTS.flatMap((entry) => entry.roles);
    const purposes = DEPARTMENTS.flatMap((entry) => entry.purposes);
    expect([...roles].sort()).toEqual(Object.keys(declared.roles).sort());
    expect([...purposes].sort()).toEqual(Object.keys(declared.purposes).sort());
    // Sorted copies hide a role listed under two departments; the counts do not.
    expect(new Set(roles).size).toBe(roles.length);
    expect(new Set(purposes).size).toBe(purposes.length);
  });

  it("has each department's own files where the convention says", () => {
    for (const { schemaFile, files } of DEPARTMENT_SETTINGS) {
      const expected = [schemaFile, files.definition, files.resolverTypes, files.policy];
      if (files.mock) expected.push(files.mock.index);
      for (const path of expected) expect(existsSync(new URL(path, ROOT)), path).toBe(true);
      // The wiring is the kit's (startDepartment) and the process entries' (subgraphs/main.ts, legacy-mocks/main.ts).
      const wiring = [`${files.subgraphFolder}/server.ts`, `${files.subgraphFolder}/main.ts`];
      if (files.mock) wiring.push(`${files.mock.folder}/main.ts`);
      for (const path of wiring) expect(existsSync(new URL(path, ROOT)), path).toBe(false);
    }
    // A department without a legacy system has no stand-in folder for anything to find by mistake.
    for (const { name, files } of DEPARTMENT_SETTINGS.filter((entry) => !entry.legacy)) {
      expect(files.mock).toBeNull();
      expect(existsSync(new URL(`legacy-mocks/${name}`, ROOT)), `legacy-mocks/${name}`).toBe(false);
    }
  });

  it("is the README's department table, as `npm run departments -- --write` writes it", () => {
    const readme = readText('README.md');
    const table = readme.slice(readme.indexOf(TABLE_BEGIN) + TABLE_BEGIN.length, readme.indexOf(TABLE_END)).trim();
    expect(table, 'README.md is stale: npm run departments -- --write').toBe(renderDepartmentTable());
    for (const { subgraphPortVariable, subgraphPort, legacy } of DEPARTMENT_SETTINGS) {
      expect(table).toContain(`\`${subgraphPort}\` (\`${subgraphPortVariable}\``);
      if (legacy) expect(table).toContain(`\`${legacy.port}\` (\`${legacy.portVariable}\``);
    }
  });

  it('runs one piece alone by name: npm run subgraph / mock -- <department>', async () => {
    const scripts = (JSON.parse(readText('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.subgraph).toBe('tsx subgraphs/main.ts');
    expect(scripts.mock).toBe('tsx legacy-mocks/main.ts');
    const runPiece = (entry: string, ...args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', new URL(entry, ROOT).pathname, ...args], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('exit', (code) => resolve({ code, stderr }));
      });
    const [unknown, noLegacy] = await Promise.all([
      runPiece('subgraphs/main.ts', 'no-such-department'),
      runPiece('legacy-mocks/main.ts', 'platform'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      `no department "no-such-department" in registry/departments.ts; known: ${DEPARTMENT_NAMES.join(', ')}`,
    );
    expect(noLegacy.code).toBe(1);
    expect(noLegacy.stderr).toContain('platform has no legacy system of its own');
  });
});

describe('every place that lists departments reads the registry', () => {
  it("is the gateway's subgraph list", () => {
    expect(SUBGRAPHS.map((entry) => entry.name)).toEqual(DEPARTMENT_NAMES);
  });

  it('is what codegen writes typed resolvers for', () => {
    const subgraphOutput = /^subgraphs\/([^/]+)\/generated\//;
    const outputs = Object.keys(codegenConfig.generates).flatMap((path) => subgraphOutput.exec(path)?.[1] ?? []);
    expect(outputs).toEqual(DEPARTMENT_NAMES);
  });

  it('is the generated module maps, as `npm run departments -- --write` writes them', async () => {
    const [departments, standIns] = await Promise.all([renderDepartmentModules(), renderStandInModules()]);
    expect(
      readText(DEPARTMENT_MODULES_FILE),
      `${DEPARTMENT_MODULES_FILE} is stale: npm run departments -- --write`,
    ).toBe(departments);
    expect(readText(STAND_IN_MODULES_FILE), `${STAND_IN_MODULES_FILE} is stale: npm run departments -- --write`).toBe(
      standIns,
    );
    // Each definition under its own name; a stand-in for every department with a legacy system, none for the platform.
    expect(Object.entries(DEPARTMENT_MODULES).map(([key, definition]) => [key, definition.name])).toEqual(
      DEPARTMENT_NAMES.map((name) => [name, name]),
    );
    expect(Object.keys(STAND_IN_MODULES)).toEqual(LEGACY_DEPARTMENT_NAMES);
    for (const start of Object.values(STAND_IN_MODULES)) expect(typeof start).toBe('function');
  });

  it('is what `npm run mocks` starts: one legacy system per registry department', async () => {
    const ephemeral = Object.fromEntries(
      DEPARTMENT_SETTINGS.flatMap(({ legacy }) => (legacy ? [[legacy.portVariable, '0']] : [])),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('legacy-mocks/start.ts', ROOT).pathname], {
      env: { ...process.env, ...ephemeral },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const listening: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      listening.push(line);
      if (listening.length === LEGACY_DEPARTMENT_NAMES.length) break;
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(listening).toHaveLength(LEGACY_DEPARTMENT_NAMES.length);
    for (const line of listening) expect(line).toMatch(/ listening on http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("is the test harness's legacy systems and subgraphs", async () => {
    const stack = await startStack();
    try {
      expect(Object.keys(stack.legacy).sort()).toEqual([...LEGACY_DEPARTMENT_NAMES].sort());
      expect(Object.keys(stack.subgraphs).sort()).toEqual([...DEPARTMENT_NAMES].sort());
    } finally {
      await stack.close();
    }
  });

  it("is the access log's map from an officer's role to the officer's department", () => {
    const departmentOf = (role: string) =>
      (Accessor.department as unknown as (parent: unknown) => string | null)({
        subject: { kind: 'PERSON', id: 'X' },
        caller: { kind: 'officer', sub: 'staff-1', roles: [role], azp: null },
      });
    const rolesOf = (entry: (typeof DEPARTMENTS)[number]) => entry.roles.map((role) => ({ role, owner: entry.name }));
    const roles = DEPARTMENTS.flatMap(rolesOf);
    const owners = Object.fromEntries(roles.map(({ role }) => [role, departmentOf(role)]));
    const expected: Record<string, Department> = Object.fromEntries(roles.map(({ role, owner }) => [role, owner]));
    expect(owners).toEqual(expected);
    expect(departmentOf('no-such-role')).toBeNull();
  });
});
