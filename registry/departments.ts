/**
 * The one list of the city's departments in the graph: what each is called, where its subgraph and
 * its legacy system listen by default, which officer roles and purposes it owns. The gateway's
 * subgraph list, `npm start`, the mocks, codegen, the test harness, the benchmarks, the error type
 * and the access log's accessor map all read this list; a department is added here, once.
 *
 * This file imports nothing from gateway/, subgraphs/ or legacy-mocks/: all three read it. Only
 * the two generated module maps beside it (departmentModules.ts, standInModules.ts) import the
 * departments' and stand-ins' code, and only the processes that start them read those.
 * Roles and purposes are described in privacy/roles.yaml (the privacy officers' file); this list
 * only says who owns them, and registry/departments.test.ts keeps the two equal.
 */
export const DEPARTMENTS = [
  {
    name: 'market',
    description: "The market regulator: the enterprise registry's companies, representatives and shareholders (SOAP).",
    subgraphPort: 4001,
    legacyPort: 5001,
    roles: ['market-officer'],
    purposes: ['market-supervision'],
  },
  {
    name: 'tax',
    description: "The tax bureau: companies' tax profiles and filings, residents' income tax (REST/JSON).",
    subgraphPort: 4002,
    legacyPort: 5002,
    roles: ['tax-officer'],
    purposes: ['tax-audit', 'taxpayer-service'],
  },
  {
    name: 'social',
    description:
      "The social security bureau: residents' insurance accounts and employers' contributions (SOAP + WS-Security).",
    subgraphPort: 4003,
    legacyPort: 5003,
    roles: ['social-officer'],
    purposes: ['social-insurance-audit', 'benefit-claim'],
  },
  {
    name: 'platform',
    description: 'The city data centre: the access log, who read whose data and why; no legacy system of its own.',
    subgraphPort: 4004,
    legacyPort: null,
    roles: ['privacy-officer'],
    purposes: ['privacy-review'],
  },
] as const;

/** Where the gateway listens unless GATEWAY_PORT says otherwise; beside the departments so no two ports collide. */
export const GATEWAY_DEFAULT_PORT = 4000;

/** The host every default URL points at: the whole stack on one machine, as `npm start` runs it. */
export const DEFAULT_HOST = '127.0.0.1';

export type DepartmentEntry = (typeof DEPARTMENTS)[number];
export type Department = DepartmentEntry['name'];
/** The departments that front a legacy system of their own (all but the platform). */
export type LegacyDepartment = Extract<DepartmentEntry, { legacyPort: number }>['name'];

export const DEPARTMENT_NAMES: readonly Department[] = DEPARTMENTS.map((entry) => entry.name);
export const LEGACY_DEPARTMENT_NAMES: readonly LegacyDepartment[] = DEPARTMENTS.flatMap((entry) =>
  entry.legacyPort === null ? [] : [entry.name],
);

/** A department's settings as every process reads them: ports, the variables that override them, default URLs. */
export interface DepartmentSettings {
  name: Department;
  description: string;
  /** The SDL file, relative to the repository root. */
  schemaFile: string;
  subgraphPort: number;
  /** e.g. MARKET_SUBGRAPH_PORT: where the subgraph process listens. */
  subgraphPortVariable: string;
  /** e.g. MARKET_SUBGRAPH_URL: where the gateway finds the subgraph (another host in a deployment). */
  subgraphUrlVariable: string;
  /** The subgraph's GraphQL endpoint with `npm start`; the routing URL in supergraph.graphql. */
  defaultSubgraphUrl: string;
  /** Null for a department without a legacy system (platform). */
  legacy: LegacySettings | null;
  roles: readonly string[];
  purposes: readonly string[];
  /** Where its pieces are, by convention: nothing else in the repository lists them. */
  files: DepartmentFiles;
}

/**
 * The department's own files, found by its name (docs/adding-a-department.md): the subgraph's
 * `department.ts` exports `<name>Department`, its definition; its `codegen.json` maps GraphQL
 * types to its records; the stand-in's `index.ts` exports `start<Name>Mock`. The generated
 * module maps (registry/departmentModules.ts, registry/standInModules.ts: `npm run departments --
 * --write`) import them from here, and everything that starts a department reads those maps, so
 * adding a department edits no shared file but this one.
 */
export interface DepartmentFiles {
  subgraphFolder: string;
  /** The subgraph's definition (kit's defineDepartment), e.g. subgraphs/tax/department.ts. */
  definition: string;
  /** The constant `definition` exports, e.g. taxDepartment. */
  definitionExport: string;
  /** `{ "mappers": {...}, "contextType": "...", "scalars"?: {...} }`, read by codegen.ts. */
  resolverTypes: string;
  /** Null for a department without a legacy system (platform). */
  mock: { folder: string; index: string; startExport: string } | null;
  policy: string;
}

export interface LegacySettings {
  port: number;
  /** e.g. MARKET_LEGACY_PORT: where the legacy mock listens. */
  portVariable: string;
  /** e.g. MARKET_LEGACY_URL: where the subgraph finds its legacy system. */
  urlVariable: string;
  defaultUrl: string;
}

/** The settings of one department, every variable name derived from its name so none is spelled twice. */
export function departmentSettings(name: Department): DepartmentSettings {
  const entry = DEPARTMENTS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`No department ${String(name)} in registry/departments.ts`);
  const prefix = entry.name.toUpperCase();
  return {
    name: entry.name,
    description: entry.description,
    schemaFile: `subgraphs/${entry.name}/schema.graphql`,
    subgraphPort: entry.subgraphPort,
    subgraphPortVariable: `${prefix}_SUBGRAPH_PORT`,
    subgraphUrlVariable: `${prefix}_SUBGRAPH_URL`,
    defaultSubgraphUrl: `http://${DEFAULT_HOST}:${entry.subgraphPort}/graphql`,
    legacy:
      entry.legacyPort === null
        ? null
        : {
            port: entry.legacyPort,
            portVariable: `${prefix}_LEGACY_PORT`,
            urlVariable: `${prefix}_LEGACY_URL`,
            defaultUrl: `http://${DEFAULT_HOST}:${entry.legacyPort}`,
          },
    roles: entry.roles,
    purposes: entry.purposes,
    files: departmentFiles(entry.name, entry.legacyPort !== null),
  };
}

function departmentFiles(name: string, hasLegacySystem: boolean): DepartmentFiles {
  const Name = name[0]!.toUpperCase() + name.slice(1);
  const subgraphFolder = `subgraphs/${name}`;
  const mockFolder = `legacy-mocks/${name}`;
  return {
    subgraphFolder,
    definition: `${subgraphFolder}/department.ts`,
    definitionExport: `${name}Department`,
    resolverTypes: `${subgraphFolder}/codegen.json`,
    mock: hasLegacySystem
      ? {
          folder: mockFolder,
          index: `${mockFolder}/index.ts`,
          startExport: `start${Name}Mock`,
        }
      : null,
    policy: `privacy/${name}.yaml`,
  };
}

/** The department a command line names (`npm run subgraph -- tax`), or an error listing the registry's. */
export function departmentNamed(name: string | undefined): Department {
  if (!name) throw new Error('which department? e.g. tax');
  if (!(DEPARTMENT_NAMES as readonly string[]).includes(name))
    throw new Error(
      `no department ${JSON.stringify(name)} in registry/departments.ts; known: ${DEPARTMENT_NAMES.join(', ')}`,
    );
  return name as Department;
}

/** The legacy settings of a department that has a legacy system; the type says it is never null. */
export function legacySettings(name: LegacyDepartment): LegacySettings {
  const { legacy } = departmentSettings(name);
  if (!legacy) throw new Error(`registry/departments.ts gives ${name} no legacy port`);
  return legacy;
}

/** Every department's settings, in the registry's order (the order of composition and of `npm start`). */
export const DEPARTMENT_SETTINGS: readonly DepartmentSettings[] = DEPARTMENTS.map((entry) =>
  departmentSettings(entry.name),
);

/** Which department owns each officer role (tax-officer → tax; privacy-officer → platform). */
export const DEPARTMENT_OF_ROLE: Readonly<Record<string, Department>> = Object.fromEntries(
  DEPARTMENTS.flatMap((entry) => entry.roles.map((role) => [role, entry.name] as const)),
);
