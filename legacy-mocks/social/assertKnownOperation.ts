import { fieldOf } from './fieldOf.js';
import { socialFault } from './socialFault.js';

/** The request elements of the three operations, as the WSDL names them. */
const REQUEST_ELEMENTS = new Set(['CxCbryxxRequest', 'CxGrjfmxRequest', 'CxDwcbxxRequest']);

/**
 * Refuses (E2001) an envelope whose Body does not hold exactly one request of a known operation.
 * It runs before the credentials check, so a caller sending the wrong document learns that
 * rather than a misleading credentials fault. (Unknown elements the soap package cannot even
 * parse are turned into E2001 by createInsuranceHandler.)
 */
export function assertKnownOperation(envelope: unknown): void {
  const body = fieldOf(envelope, 'Body');
  if (typeof body !== 'object' || body === null) throw socialFault('E2001', 'the envelope has no soap:Body');
  const elements = Object.keys(body).filter((name) => name !== 'attributes');
  if (elements.length !== 1 || !REQUEST_ELEMENTS.has(elements[0]!)) throw socialFault('E2001', 'the soap:Body must hold one request element');
}
