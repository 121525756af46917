/**
 * The benchmark's back end, in a process of its own so that the contender gateways' CPU and
 * memory can be read apart: every department's legacy system and two sets of subgraphs over them, the
 * department's protections on (for our gateway with everything on) and off (for contenders that
 * do not sign the caller tokens our subgraphs require). Reports its addresses over IPC.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { loadDataSet } from '../../legacy-mocks/data/index.js';
import { LEGACY_DEPARTMENT_NAMES, type LegacyDepartment } from '../../registry/departments.js';
import type { RunningLegacyServer } from '../../legacy-mocks/common/index.js';
import { openAccessLogStore, openCertificateRegister } from '../../access-log/index.js';
import { DEPARTMENT_MODULES } from '../../registry/departmentModules.js';
import { STAND_IN_MODULES } from '../../registry/standInModules.js';
import { startDepartment, type RunningSubgraph } from '../../subgraphs/kit/index.js';
import type { BackendAddresses, BackendSettings } from './BackendAddresses.js';

const settings = JSON.parse(process.env.BENCH_BACKEND ?? '{}') as BackendSettings;
const gatewayKey = (await importJWK(settings.gatewayPublicJwk as JWK, 'ES256')) as CryptoKey;
const dataSet = loadDataSet();
const logFolder = mkdtempSync(join(tmpdir(), 'bench-access-log-'));
const logUrl = `sqlite:${join(logFolder, 'access-log.db')}`;
const accessLog = await openAccessLogStore({ url: logUrl });
const certificates = await openCertificateRegister({ url: logUrl });

const legacy = Object.fromEntries(
  await Promise.all(
    LEGACY_DEPARTMENT_NAMES.map(
      async (department) => [department, await STAND_IN_MODULES[department]({ dataSet })] as const,
    ),
  ),
) as Record<LegacyDepartment, RunningLegacyServer>;
const subgraphSet = async (open: boolean) => {
  const common = {
    gatewayKey,
    withoutProtections: open,
    accessLog: open ? null : accessLog,
    certificates: open ? null : certificates,
  };
  const set: Partial<Record<LegacyDepartment, RunningSubgraph>> = {};
  for (const department of LEGACY_DEPARTMENT_NAMES)
    set[department] = await startDepartment(DEPARTMENT_MODULES[department], {
      ...common,
      legacyUrl: legacy[department].url,
    });
  return set as Record<LegacyDepartment, RunningSubgraph>;
};
const guarded = await subgraphSet(false);
const open = await subgraphSet(true);
// The portal queries never reach the access log's own subgraph; both sets route to this one.
const platform = await startDepartment(DEPARTMENT_MODULES.platform, { gatewayKey, accessLog, certificates });
const graphqlUrls = (set: typeof guarded) => ({
  ...(Object.fromEntries(
    LEGACY_DEPARTMENT_NAMES.map((department) => [department, `${set[department].url}/graphql`]),
  ) as Record<LegacyDepartment, string>),
  platform: `${platform.url}/graphql`,
});
const addresses: BackendAddresses = {
  legacy: Object.fromEntries(
    LEGACY_DEPARTMENT_NAMES.map((department) => [department, legacy[department].url]),
  ) as Record<LegacyDepartment, string>,
  guardedSubgraphs: graphqlUrls(guarded),
  openSubgraphs: graphqlUrls(open),
};
process.send?.({ ready: addresses });

const close = async () => {
  await Promise.allSettled(
    [...Object.values(guarded), ...Object.values(open), platform].map((server) => server.close()),
  );
  await Promise.allSettled(Object.values(legacy).map((server) => server.close()));
  await Promise.all([accessLog.close(), certificates.close()]);
  rmSync(logFolder, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', () => void close());
process.once('disconnect', () => void close());
