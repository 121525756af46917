/**
 * Which test file runs in which layer (vitest.config.ts). Three layers, so that a newcomer gets a
 * fast answer first and the slow machinery runs last:
 *
 * - unit: every test beside the code that opens no socket and starts no process (checked: the
 *   layer's setup file, refuseSocketsAndProcesses.ts, makes either throw). `npm run test:unit`.
 * - journeys: the stories across folders in test/, and the tests beside the code that talk to a
 *   real server over loopback or run a script as a process (listed below). `npm run test:journeys`.
 * - system: what needs machinery beyond Node: HAProxy, headless Chromium, PostgreSQL, kubectl,
 *   the TypeScript compiler over the whole tree, a scaffolded copy of the repository.
 *   `npm run test:system`.
 *
 * A new test beside the code lands in unit; if it needs a socket or a process, the unit layer
 * says so and names this file: add it to BESIDE_CODE_JOURNEYS.
 */

/** Tests beside the code that use sockets (loopback servers, PostgreSQL, Redis) or child processes. */
export const BESIDE_CODE_JOURNEYS = [
  'access-log/store/openAccessLogStore.test.ts',
  'access-log/store/sqliteAccessLogStore.test.ts',
  'core/config/readSettings.test.ts',
  'core/identity/gatewayKeyResolver.test.ts',
  'gateway/server.test.ts',
  'legacy-mocks/data/generateDataSet.test.ts',
  'legacy-mocks/market/registry.test.ts',
  'legacy-mocks/market/registryWrites.test.ts',
  'legacy-mocks/social/startSocialMock.test.ts',
  'legacy-mocks/social/socialWrites.test.ts',
  'legacy-mocks/tax/taxMock.test.ts',
  'legacy-mocks/tax/taxWrites.test.ts',
  'policy/explain/diffExplanations.test.ts',
  'policy/load/watchPolicy.test.ts',
  'registry/departments.test.ts',
  'scripts/auditExport.test.ts',
  'scripts/auditVerify.test.ts',
  'scripts/policyCan.test.ts',
  'scripts/policyTest.test.ts',
  'scripts/schemaCheck.test.ts',
  'scripts/token.test.ts',
  'subgraphs/kit/legacy/createLegacyHttp.test.ts',
  'subgraphs/kit/withoutProtections.test.ts',
  'subgraphs/market/legacy/marketClient.test.ts',
  'subgraphs/social/legacy/socialClient.test.ts',
  'subgraphs/tax/legacy/taxClient.test.ts',
  'workbench/workbenchRoutes.test.ts',
  'bench/loadBenchmark.test.ts',
  // Every department's client test and stand-in test talk over loopback, a scaffolded department's
  // (npm run new:department) included, so they are named by the convention, not one by one.
  'subgraphs/*/legacy/*Client.test.ts',
  'legacy-mocks/*/*Mock.test.ts',
];

/** Tests that need HAProxy, Chromium, PostgreSQL, kubectl, a full compile or a scaffolded copy. */
export const SYSTEM = [
  'test/replicas.test.ts',
  'test/build.test.ts',
  'test/deployment.test.ts',
  'test/portal-browser.test.ts',
  'test/privacy-workbench.test.ts',
  'test/certificate-page.test.ts',
  'scripts/newDepartment.test.ts',
  'access-log/store/postgresAccessLogStore.test.ts',
  'test/applications-engine.test.ts',
  'test/applications-embedded.test.ts',
  'test/applications-retention.test.ts',
  'test/applications-graph.test.ts',
  'test/applications-crash.test.ts',
  'test/portal-services.test.ts',
];

/** Where every layer looks; generated and installed files hold no tests of ours. */
export const ALL_TESTS = ['**/*.test.ts'];
export const NEVER = ['node_modules/**', 'data/**', 'dist/**'];
