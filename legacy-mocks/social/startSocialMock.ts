import { readFile } from 'node:fs/promises';
import {
  CallStats,
  FaultPlan,
  overlayFileOf,
  soapFaultResponses,
  startLegacyServer,
  WriteStore,
  type RunningLegacyServer,
} from '../common/index.js';
import { loadDataSet, type DataSet } from '../data/index.js';
import { createInsuranceHandler } from './createInsuranceHandler.js';
import { createInsuranceService } from './createInsuranceService.js';
import { InsuranceOverlay } from './InsuranceOverlay.js';
import { socialFault } from './socialFault.js';
import { socialCredentials, type SocialCredentials } from './socialCredentials.js';

export const SOCIAL_SYSTEM_NAME = 'social insurance system (社会保险信息系统)';

export interface SocialMockOptions {
  /** 0 for an ephemeral port (tests); main.ts passes SOCIAL_LEGACY_PORT or the registry's port. */
  port?: number;
  host?: string;
  dataSet?: DataSet;
  /** The accepted UsernameToken; by default legacyCredentials' (SOCIAL_LEGACY_USERNAME / _PASSWORD, read by legacyMockConfig.ts). */
  credentials?: SocialCredentials;
  legacyCredentials?: { username?: string; password?: string };
  /**
   * Where the bureau keeps the accounts and claims it accepted (LEGACY_DATA_DIR): the overlay file
   * `social-<seed>.jsonl` in it, read back at start. Unset: kept in memory for this run only.
   */
  dataDir?: string;
  /** The bureau's clock (dates of opening, claims, decisions); tests pin it. */
  now?: () => Date;
}

/**
 * Starts the social security bureau's legacy system: SOAP 1.1 document/literal at /insurance
 * with WS-Security, serving the shared data set, behind the admin endpoints and fault plan every
 * mock shares (legacy-mocks/common). See README.md for the operations and fault codes.
 */
export async function startSocialMock(options: SocialMockOptions = {}): Promise<RunningLegacyServer> {
  const stats = new CallStats();
  const faults = new FaultPlan();
  const dataSet = options.dataSet ?? loadDataSet();
  const overlay = new InsuranceOverlay();
  const now = options.now ?? (() => new Date());
  const writes = WriteStore.open({
    file: overlayFileOf(options.dataDir, 'social', dataSet.seed),
    apply: (record) => overlay.apply(record),
    refusal: () => (faults.current.refuseWrites ? socialFault('E5004') : null),
    now,
  });
  try {
    const handle = await createInsuranceHandler({
      wsdl: await readFile(new URL('./insurance.wsdl', import.meta.url), 'utf8'),
      services: createInsuranceService(dataSet, stats, { overlay, writes, now }),
      credentials: options.credentials ?? socialCredentials(options.legacyCredentials),
    });
    return await startLegacyServer({
      name: SOCIAL_SYSTEM_NAME,
      port: options.port ?? 0,
      host: options.host,
      handle,
      faultResponses: soapFaultResponses,
      stats,
      faults,
      writes,
    });
  } catch (error) {
    writes.close();
    throw error;
  }
}
