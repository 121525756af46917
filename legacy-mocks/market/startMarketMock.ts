import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CallStats,
  createSoapHandler,
  FaultPlan,
  overlayFileOf,
  readBody,
  soapFaultResponses,
  startLegacyServer,
  WriteStore,
  type RunningLegacyServer,
} from '../common/index.js';
import { loadDataSet, type DataSet } from '../data/index.js';
import { buildRegistryIndex } from './buildRegistryIndex.js';
import { createEnvelopeCheck } from './createEnvelopeCheck.js';
import { createRegistryService } from './createRegistryService.js';
import { createRegistryWrites } from './createRegistryWrites.js';
import { RegistrationBook } from './RegistrationBook.js';
import { registryFault } from './registryFault.js';
import { sendRegistryFault } from './sendRegistryFault.js';

export const MARKET_MOCK_NAME = 'market-registry';
/** The service path; the WSDL is at REGISTRY_PATH?wsdl. */
export const REGISTRY_PATH = '/registry';
/** A batch of 100 codes is about 6 KB; anything near this limit is not a registry request. */
const MAX_REQUEST_BYTES = 256 * 1024;

export interface MarketMockOptions {
  port?: number;
  host?: string;
  dataSet?: DataSet;
  /**
   * Where the registry keeps the registrations it accepted (LEGACY_DATA_DIR): the overlay file
   * `market-<seed>.jsonl` in it, read back at start. Unset: kept in memory for this run only.
   */
  dataDir?: string;
  /** The registry's clock (dates of acceptance and approval); tests pin it. */
  now?: () => Date;
}

/**
 * Starts the market regulator's enterprise registry (企业登记信息共享服务): SOAP 1.1 over
 * registry.wsdl at /registry, with the shared admin endpoints and fault plan in front.
 * Port 0 picks a free port, as tests do.
 */
export async function startMarketMock(options: MarketMockOptions = {}): Promise<RunningLegacyServer> {
  const dataSet = options.dataSet ?? loadDataSet();
  const index = buildRegistryIndex(dataSet);
  const wsdl = readFileSync(new URL('./registry.wsdl', import.meta.url), 'utf8');
  const stats = new CallStats();
  const faults = new FaultPlan();
  const now = options.now ?? (() => new Date());
  const book = new RegistrationBook(dataSet);
  const writes = WriteStore.open({
    file: overlayFileOf(options.dataDir, 'market', dataSet.seed),
    apply: (record) => book.apply(record),
    refusal: () => (faults.current.refuseWrites ? registryFault('E2008') : null),
    now,
  });
  try {
    const serveSoap = await createSoapHandler({
      path: REGISTRY_PATH,
      wsdl,
      services: createRegistryService(index, stats, {
        book,
        writes: createRegistryWrites({ dataSet, index, book, writes, stats, now }),
      }),
    });
    return await startRegistryServer(
      options,
      { serveSoap, checkEnvelope: await createEnvelopeCheck(wsdl) },
      {
        stats,
        faults,
        writes,
      },
    );
  } catch (error) {
    writes.close();
    throw error;
  }
}

/** The registry's HTTP face: its path, the WSDL, POST only, the envelope checked before the `soap` package. */
function startRegistryServer(
  options: MarketMockOptions,
  soap: {
    serveSoap: (req: IncomingMessage, res: ServerResponse) => void;
    checkEnvelope: Awaited<ReturnType<typeof createEnvelopeCheck>>;
  },
  shared: { stats: CallStats; faults: FaultPlan; writes: WriteStore },
): Promise<RunningLegacyServer> {
  const { serveSoap, checkEnvelope } = soap;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://registry');
    if (url.pathname !== REGISTRY_PATH && url.pathname !== `${REGISTRY_PATH}/`) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`not found: the registry is at ${REGISTRY_PATH} (WSDL at ${REGISTRY_PATH}?wsdl)`);
      return;
    }
    if (req.method === 'GET' && url.search.toLowerCase() === '?wsdl') return serveSoap(req, res);
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' });
      res.end(`POST a SOAP 1.1 envelope to ${REGISTRY_PATH}; GET ${REGISTRY_PATH}?wsdl for the WSDL`);
      return;
    }
    readBody(req, MAX_REQUEST_BYTES).then(
      (xml) => {
        const problem = checkEnvelope(xml, headerOf(req, 'soapaction'));
        if (problem) return sendRegistryFault(res, problem.code, problem.detail);
        // The body is read already: the `soap` server takes a pre-read body from req.body.
        serveSoap(Object.assign(req, { body: xml }), res);
      },
      () => sendRegistryFault(res, 'E1007', `the request body is larger than ${MAX_REQUEST_BYTES} bytes`),
    );
  };

  return startLegacyServer({
    name: MARKET_MOCK_NAME,
    port: options.port ?? 0,
    host: options.host,
    handle,
    faultResponses: soapFaultResponses,
    ...shared,
  });
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
