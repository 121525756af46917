import type { ServerResponse } from 'node:http';
import { REGISTRY_ERRORS, registryFaultString, type RegistryErrorCode } from './registryErrors.js';

/**
 * Answers with a soap:Fault before the request reaches the SOAP layer (an envelope the `soap`
 * package cannot dispatch, a body too large), in the same shape as a fault a method throws.
 */
export function sendRegistryFault(res: ServerResponse, code: RegistryErrorCode, detail?: string): void {
  if (res.headersSent) return;
  const { faultcode, status } = REGISTRY_ERRORS[code];
  const body =
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
    `<faultcode>${faultcode}</faultcode><faultstring>${escapeXml(registryFaultString(code, detail))}</faultstring>` +
    `<detail><errorCode>${code}</errorCode></detail>` +
    '</soap:Fault></soap:Body></soap:Envelope>';
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
