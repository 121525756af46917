import {
  CallStats,
  FaultPlan,
  overlayFileOf,
  startLegacyServer,
  WriteStore,
  type RunningLegacyServer,
} from '../common/index.js';
import { loadDataSet, type DataSet } from '../data/index.js';
import { createTaxHandler } from './createTaxHandler.js';
import { taxFaultResponses } from './taxFaultResponses.js';
import { TaxpayerRegister } from './TaxpayerRegister.js';
import { TaxRefusal } from './TaxRefusal.js';
import { toLegacyTaxpayer } from './toLegacyTaxpayer.js';

/** The development API key; set TAX_LEGACY_API_KEY anywhere else. The subgraph's client has the same default. */
export const TAX_DEV_API_KEY = 'dev-tax-api-key';

export interface TaxMockOptions {
  /** Default 0, a free port, as tests and the stack harness want; main.ts passes the registry's port (registry/departments.ts). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default loadDataSet(). */
  dataSet?: DataSet;
  /** Default legacyCredentials.apiKey (TAX_LEGACY_API_KEY, read by legacyMockConfig.ts), else TAX_DEV_API_KEY. */
  apiKey?: string;
  legacyCredentials?: { apiKey?: string };
  /**
   * Where the system keeps the registrations it accepted (LEGACY_DATA_DIR): the overlay file
   * `tax-<seed>.jsonl` in it, read back at start. Unset: kept in memory for this run only.
   */
  dataDir?: string;
  /** The bureau's clock (registration dates); tests pin it. */
  now?: () => Date;
}

/**
 * Starts the tax bureau's legacy tax administration system (REST/JSON, see README.md) over the
 * shared data set, with the shared admin endpoints and fault plan.
 */
export async function startTaxMock(options: TaxMockOptions = {}): Promise<RunningLegacyServer> {
  const dataSet = options.dataSet ?? loadDataSet();
  const stats = new CallStats();
  const faults = new FaultPlan();
  // The register never changes while the system runs, so its legacy form is built once.
  const taxpayers = new Map(dataSet.companies.map((company) => [company.uscc, toLegacyTaxpayer(company)]));
  const apiKey = options.apiKey || options.legacyCredentials?.apiKey || TAX_DEV_API_KEY;
  const register = new TaxpayerRegister();
  const writes = WriteStore.open({
    file: overlayFileOf(options.dataDir, 'tax', dataSet.seed),
    apply: (record) => register.apply(record),
    refusal: () => (faults.current.refuseWrites ? new TaxRefusal('registrationRefused') : null),
    now: options.now,
  });
  const now = options.now ?? (() => new Date());
  try {
    return await startLegacyServer({
      name: 'tax-legacy',
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      handle: createTaxHandler({ dataSet, taxpayers, stats, register, writes, now }, apiKey),
      faultResponses: taxFaultResponses,
      stats,
      faults,
      writes,
    });
  } catch (error) {
    writes.close();
    throw error;
  }
}
