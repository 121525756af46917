/**
 * The architecture's import rules, in one place (docs/architecture.md, "Rooms and arrows").
 * `test/boundaries.test.ts` runs them over the whole tree, and `npx depcruise --config
 * .dependency-cruiser.cjs core policy access-log gateway subgraphs legacy-mocks portal workbench applications registry scripts bench` prints
 * the same findings. Each rule says why it holds; tests and test helpers are exempt where a test
 * must reach across (say so in the rule).
 */
const TESTS = '(\\.test\\.ts$|/testing/)';
/** The two files `npm run departments -- --write` generates from the registry (scripts/renderDepartmentModules.ts). */
const MODULE_MAPS = '^registry/(departmentModules|standInModules)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'applications-act-through-the-graph',
      comment:
        "The applications engine reaches the departments through their mutations in the graph, never through a subgraph's, a stand-in's or the gateway's code.",
      severity: 'error',
      from: { path: '^applications/', pathNot: TESTS },
      to: { path: '^(gateway|subgraphs|legacy-mocks|portal|workbench)/' },
    },
    {
      name: 'stand-ins-share-no-adapter-code',
      comment: 'A legacy stand-in shares no code with the adapter it tests, nor with the gateway.',
      severity: 'error',
      from: { path: '^legacy-mocks/' },
      to: { path: ['^(subgraphs|gateway|portal)/', '^registry/departmentModules\\.ts$'] },
    },
    {
      name: 'core-is-neutral',
      comment: 'core/ is what the gateway, the kit and the scripts share: it depends on none of its users.',
      severity: 'error',
      from: { path: '^core/', pathNot: TESTS },
      to: { path: '^(access-log|policy|subgraphs|gateway|legacy-mocks|portal|scripts)/' },
    },
    {
      name: 'registry-reads-nothing',
      comment:
        'Everything reads the department registry; it reads nothing of theirs. The two module maps generated from it (npm run departments -- --write) are the exception, held to the next rule.',
      severity: 'error',
      from: { path: '^registry/', pathNot: [TESTS, MODULE_MAPS] },
      to: { path: '^(policy|subgraphs|gateway|legacy-mocks|portal)/' },
    },
    {
      name: 'module-maps-import-definitions-only',
      comment:
        "registry/departmentModules.ts imports each department's definition (and the kit's type of one), registry/standInModules.ts each stand-in's index (and the type of its start): nothing else of theirs, so the maps stay what the registry's convention generates.",
      severity: 'error',
      from: { path: MODULE_MAPS },
      to: {
        path: '^(policy|subgraphs|gateway|legacy-mocks|portal|workbench|access-log)/',
        pathNot: [
          '^subgraphs/kit/index\\.ts$',
          '^subgraphs/[^/]+/department\\.ts$',
          '^legacy-mocks/StartLegacyMock\\.ts$',
          '^legacy-mocks/[^/]+/index\\.ts$',
        ],
      },
    },
    {
      name: 'module-maps-are-for-what-starts-departments',
      comment:
        "Importing a module map loads every department's code (or every stand-in's). Only what starts or reads departments does that: the process entries, the scripts, the harness and the benchmarks; never the gateway, the portal, the workbench, the kit, the policy engine or the access log. And a subgraph never loads the stand-ins.",
      severity: 'error',
      from: { path: '^(core|policy|access-log|gateway|portal|workbench|subgraphs/kit)/', pathNot: TESTS },
      to: { path: MODULE_MAPS },
    },
    {
      name: 'gateway-never-calls-legacy-systems',
      comment: 'The gateway talks to the departments through their subgraphs, never to their legacy systems.',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^legacy-mocks/' },
    },
    {
      name: 'gateway-knows-kit-by-its-face',
      comment:
        "The gateway knows the departments only through the registry, and the kit only by its index (its tests may reach the kit's workbench pieces they drive).",
      severity: 'error',
      from: { path: '^gateway/', pathNot: TESTS },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/kit/index\\.ts$' },
    },
    {
      name: 'departments-know-kit-by-its-face',
      comment: "A department reaches the kit only through subgraphs/kit/index.ts, the kit's one public surface.",
      severity: 'error',
      from: { path: '^subgraphs/(?!kit/)[^/]+/', pathNot: TESTS },
      to: { path: '^subgraphs/kit/', pathNot: '^subgraphs/kit/index\\.ts$' },
    },
    {
      name: 'kit-names-no-department',
      comment: 'The kit is what every department shares; it knows none of them (the registry does).',
      severity: 'error',
      from: { path: '^subgraphs/kit/' },
      to: { path: '^subgraphs/(?!kit/)' },
    },
    {
      name: 'departments-are-independent',
      comment: "A department never imports another's code: what two need belongs in the kit.",
      severity: 'error',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: ['^subgraphs/$1/', '^subgraphs/kit/'] },
    },
    {
      name: 'subgraphs-never-import-stand-ins',
      comment: "A subgraph's code talks to its legacy system over the wire; only tests may start a stand-in.",
      severity: 'error',
      from: { path: '^subgraphs/', pathNot: TESTS },
      to: { path: ['^legacy-mocks/', '^registry/standInModules\\.ts$'] },
    },
    {
      name: 'subgraphs-never-import-the-gateway',
      comment: 'A subgraph trusts the gateway by its signed token, and shares code with it only through core/.',
      severity: 'error',
      from: { path: '^subgraphs/' },
      to: { path: '^gateway/' },
    },
    {
      name: 'portal-is-a-client',
      comment:
        "The reference portal is a client of the graph: it shares core/ and the registry, never the gateway's code.",
      severity: 'error',
      from: { path: '^portal/' },
      to: { path: '^(gateway|subgraphs|legacy-mocks)/' },
    },
    {
      name: 'workbench-is-an-app',
      comment:
        "The privacy officers' workbench is an app of its own beside the portal: it shares core/ (tokens are verified by core/identity/, as the gateway verifies them) and the registry, and reads the policy engine; never the gateway's, the kit's, the portal's or a stand-in's code.",
      severity: 'error',
      from: { path: '^workbench/' },
      to: { path: '^(gateway|subgraphs|legacy-mocks|portal|scripts|bench)/' },
    },
    {
      name: 'workbench-reaches-the-engine-through-one-file',
      comment:
        'Every import of the privacy engine in the workbench, tests included, goes through workbench/policyEngine.ts: a move of the engine changes that one file.',
      severity: 'error',
      from: { path: '^workbench/', pathNot: '^workbench/policyEngine\\.ts$' },
      to: { path: '^policy/' },
    },
    {
      name: 'nothing-serves-the-workbench',
      comment:
        "No other piece imports the workbench: the citizen-facing gateway runs no git and compiles no policy for officers (the workbench's tests in test/ start it as an app).",
      severity: 'error',
      from: { path: '^(core|access-log|registry|gateway|subgraphs|legacy-mocks|portal|policy)/' },
      to: { path: '^workbench/' },
    },
    {
      name: 'policy-is-neutral',
      comment:
        'The privacy policy engine needs only core/ and its packages: the kit enforces it, the gateway, the workbench and the scripts read it, and none of them (nor the access log, the registry or a department) is needed to load, check or explain a policy. What it must know of them is passed in as data.',
      severity: 'error',
      from: { path: '^policy/', pathNot: TESTS },
      to: { pathNot: ['^policy/', '^core/', '^node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'policy-tests-read-the-shipped-policy-only',
      comment:
        "The engine's tests may check the shipped policies against the registry's departments and their subjects, but start no piece.",
      severity: 'error',
      from: { path: `^policy/.*${TESTS}` },
      to: { path: '^(gateway|subgraphs|legacy-mocks|portal|workbench)/' },
    },
    {
      name: 'policy-known-by-its-face',
      comment:
        "Everyone else reaches the policy engine through policy/index.ts, the package's one face (tests may use its fixtures).",
      severity: 'error',
      from: { path: '^(?!policy/)', pathNot: TESTS },
      to: { path: '^policy/', pathNot: '^policy/index\\.ts$' },
    },
    {
      name: 'policy-rooms-meet-at-their-faces',
      comment:
        "A room of the policy engine (engine, load, check, explain, test) reaches another only through that room's index.ts.",
      severity: 'error',
      from: { path: '^policy/([^/]+)/', pathNot: TESTS },
      to: { path: '^policy/', pathNot: ['^policy/$1/', '^policy/[^/]+/index\\.ts$'] },
    },
    {
      name: 'policy-engine-comes-first',
      comment: 'engine/ is what the other rooms build on: it needs none of them (load/, check/, explain/, test/).',
      severity: 'error',
      from: { path: '^policy/engine/' },
      to: { path: '^policy/(?!engine/)' },
    },
    {
      name: 'policy-has-no-cycles',
      comment:
        'No import in the policy engine comes back to where it started, type-only imports included: the vocabulary (engine/types.ts) imports nothing of its users, and the rooms depend in one order (policy/index.ts).',
      severity: 'error',
      from: { path: '^policy/' },
      to: { circular: true },
    },
    {
      name: 'access-log-is-neutral',
      comment:
        'The access log records, keeps and verifies; it needs only core/ and its packages. The kit writes to it, the platform subgraph and the audit tools read it, and it knows none of them (nor the policy engine: a policy version reaches it as data).',
      severity: 'error',
      from: { path: '^access-log/', pathNot: TESTS },
      to: { pathNot: ['^access-log/', '^core/', '^node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'access-log-tests-take-only-the-data-set',
      comment:
        "The access log's tests and helpers may name subjects from the deterministic data set (legacy-mocks/data/), and start no piece.",
      severity: 'error',
      from: { path: `^access-log/.*${TESTS}` },
      to: {
        pathNot: ['^access-log/', '^core/', '^legacy-mocks/data/', '^node_modules/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'access-log-known-by-its-face',
      comment:
        "Everyone else reaches the access log through access-log/index.ts, the package's one face (tests and benchmarks may use its testing/ helpers).",
      severity: 'error',
      from: { path: '^(?!access-log/)', pathNot: TESTS },
      to: { path: '^access-log/', pathNot: ['^access-log/index\\.ts$', '^access-log/testing/'] },
    },
    {
      name: 'department-legacy-has-no-cycles',
      comment:
        "A department's legacy/ reads in one direction (docs/adding-a-department.md): the client imports the to<Thing>Record mappers, a mapper imports the <Thing>Record types and the value readers it needs, a record type imports only other record types. No import comes back to where it started, type-only imports included.",
      severity: 'error',
      from: { path: '^subgraphs/[^/]+/legacy/' },
      to: { circular: true },
    },
    {
      name: 'access-log-has-no-cycles',
      comment:
        'The rooms of the access log depend in one order (docs/architecture.md): record/ ← sql/ ← read/ ← store/ ← checkpoints/ and certificates/; verify/ reads through read/ and checkpoints/, export/ through read/. No import comes back to where it started.',
      severity: 'error',
      from: { path: '^access-log/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
