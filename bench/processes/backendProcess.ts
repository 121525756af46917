/**
 * The benchmark's back end, in a process of its own so that the contender gateways' CPU and
 * memory can be read apart: the three legacy systems and two sets of subgraphs over them, the
 * department's protections on (for our gateway with everything on) and off (for contenders that
 * do not sign the caller tokens our subgraphs require). Reports its addresses over IPC.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { loadDataSet } from '../../legacy-mocks/data/index.js';
import { startMarketMock } from '../../legacy-mocks/market/index.js';
import { startSocialMock } from '../../legacy-mocks/social/index.js';
import { startTaxMock } from '../../legacy-mocks/tax/index.js';
import { openAccessLogStore } from '../../subgraphs/kit/audit/index.js';
import { startMarketSubgraph } from '../../subgraphs/market/server.js';
import { startPlatformSubgraph } from '../../subgraphs/platform/server.js';
import { startSocialSubgraph } from '../../subgraphs/social/server.js';
import { startTaxSubgraph } from '../../subgraphs/tax/server.js';
import type { BackendAddresses, BackendSettings } from './BackendAddresses.js';

const settings = JSON.parse(process.env.BENCH_BACKEND ?? '{}') as BackendSettings;
const gatewayKey = (await importJWK(settings.gatewayPublicJwk as JWK, 'ES256')) as CryptoKey;
const dataSet = loadDataSet();
const logFolder = mkdtempSync(join(tmpdir(), 'bench-access-log-'));
const accessLog = await openAccessLogStore({ url: `sqlite:${join(logFolder, 'access-log.db')}` });

const [market, tax, social] = await Promise.all([startMarketMock({ dataSet }), startTaxMock({ dataSet }), startSocialMock({ dataSet })]);
const subgraphSet = async (open: boolean) => {
  const common = { gatewayKey, withoutProtections: open, accessLog: open ? null : accessLog };
  return {
    market: await startMarketSubgraph({ ...common, legacyUrl: market.url }),
    tax: await startTaxSubgraph({ ...common, legacyUrl: tax.url }),
    social: await startSocialSubgraph({ ...common, legacyUrl: social.url }),
  };
};
const guarded = await subgraphSet(false);
const open = await subgraphSet(true);
// The portal queries never reach the access log's own subgraph; both sets route to this one.
const platform = await startPlatformSubgraph({ gatewayKey, accessLog });
const graphqlUrls = (set: typeof guarded) => ({
  market: `${set.market.url}/graphql`,
  tax: `${set.tax.url}/graphql`,
  social: `${set.social.url}/graphql`,
  platform: `${platform.url}/graphql`,
});
const addresses: BackendAddresses = {
  legacy: { market: market.url, tax: tax.url, social: social.url },
  guardedSubgraphs: graphqlUrls(guarded),
  openSubgraphs: graphqlUrls(open),
};
process.send?.({ ready: addresses });

const close = async () => {
  await Promise.allSettled([...Object.values(guarded), ...Object.values(open), platform].map((server) => server.close()));
  await Promise.allSettled([market.close(), tax.close(), social.close()]);
  await accessLog.close();
  rmSync(logFolder, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', () => void close());
process.once('disconnect', () => void close());
