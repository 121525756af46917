import type { ServerResponse } from 'node:http';
import type { FaultResponses } from './startLegacyServer.js';

/**
 * A SOAP 1.1 fault as thrown from a service method: the `soap` package turns it into a
 * response with a soap:Fault body. `code` is the system's own error code, in the detail. The
 * status must be given: without `statusCode` the package answers a fault with HTTP 200.
 */
export function soapFault(
  faultcode: 'soap:Client' | 'soap:Server',
  code: string,
  message: string,
  statusCode = 500,
): { Fault: Record<string, unknown> } {
  return { Fault: { faultcode, faultstring: message, detail: { errorCode: code }, statusCode } };
}

const FAULT_ENVELOPE = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>系统繁忙，请稍后重试 (E9999 service busy)</faultstring><detail><errorCode>E9999</errorCode></detail></soap:Fault></soap:Body></soap:Envelope>`;

/** How the SOAP systems answer injected faults: a soap:Server fault, or an envelope cut short. */
export const soapFaultResponses: FaultResponses = {
  error(res: ServerResponse) {
    res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(FAULT_ENVELOPE);
  },
  malformed(res: ServerResponse) {
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    res.end(
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><resp',
    );
  },
};
