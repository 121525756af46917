/**
 * BENCHMARKS ONLY: one department's subgraph WITHOUT its protections (no caller check, no privacy
 * policy, no access log), for the contenders that do not sign the caller tokens our subgraphs
 * require (2, 3 and 4). No setting of the product can start a subgraph this way: this entry, which
 * only bench/ has, imports the build's own modules (BENCH_BUILD_ROOT: dist/, or the sources under
 * tsx) and calls startDepartment with withoutProtections, so everything else is the deployed code.
 *
 *   node bench/processes/openSubgraphProcess.mjs <department>
 *   env: BENCH_BUILD_ROOT, BENCH_OPEN_SUBGRAPH = { port, legacyUrl, gatewayPublicJwk }
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importJWK } from 'jose';

const root = process.env.BENCH_BUILD_ROOT ?? '';
const settings = JSON.parse(process.env.BENCH_OPEN_SUBGRAPH ?? '{}');
const department = process.argv[2] ?? '';
const fromBuild = (file) => import(pathToFileURL(join(root, file)).href);

const { DEPARTMENT_MODULES } = await fromBuild('registry/departmentModules.js');
const { startDepartment } = await fromBuild('subgraphs/kit/index.js');
const definition = DEPARTMENT_MODULES[department];
if (!definition) {
  console.error(`open subgraph: no department ${JSON.stringify(department)}`);
  process.exit(1);
}
const running = await startDepartment(definition, {
  port: settings.port,
  legacyUrl: settings.legacyUrl,
  gatewayKey: await importJWK(settings.gatewayPublicJwk, 'ES256'),
  withoutProtections: true,
  accessLog: null,
  certificates: null,
});
process.stdout.write(`open ${department} subgraph listening on ${running.url}/graphql\n`);

process.once('SIGTERM', () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
