import { pathOf } from './pathOf.js';

/** A soap:Fault as a legacy system sent it: its faultcode and its system-specific detail. */
export interface SoapFault {
  /** e.g. `soap:Client` or `soap:Server` (SOAP 1.1, section 4.4.1). */
  faultcode: string;
  /** The fault's `detail` element as parsed, where systems put their own error codes; undefined when absent. */
  detail: unknown;
}

/** SOAP 1.1 knows two families of fault; one that names neither is taken for the server's. */
const UNNAMED_FAULTCODE = 'soap:Server';

/**
 * The soap:Fault of a failed SOAP call, or null when the failure was not a fault (no answer, an
 * HTTP error without an envelope). The `soap` package attaches the parsed envelope of a fault as
 * `root`; a faultcode with attributes arrives wrapped as `{ $value }`.
 */
export function readSoapFault(error: unknown): SoapFault | null {
  const fault = pathOf(error, 'root', 'Envelope', 'Body', 'Fault');
  if (fault === undefined) return null;
  const code = pathOf(fault, 'faultcode');
  const wrapped = pathOf(code, '$value');
  const faultcode = typeof code === 'string' ? code : typeof wrapped === 'string' ? wrapped : UNNAMED_FAULTCODE;
  return { faultcode, detail: pathOf(fault, 'detail') };
}
