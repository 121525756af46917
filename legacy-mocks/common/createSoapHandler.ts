import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import * as soap from 'soap';

export interface SoapHandlerOptions {
  /** The service path, e.g. /registry; the WSDL is at path?wsdl. */
  path: string;
  wsdl: string;
  services: soap.IServices;
  /** Called with the soap server before the first request, e.g. to install WS-Security checks. */
  configure?(server: soap.Server): void;
}

/**
 * Builds a request handler that serves a SOAP service with the `soap` package. The service is
 * mounted on an inner HTTP server that never listens, so the shared front server can apply the
 * admin endpoints and the fault plan before a request reaches the SOAP layer.
 */
export async function createSoapHandler(
  options: SoapHandlerOptions,
): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const inner = createServer();
  inner.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    // Only reached for paths the SOAP service does not own.
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`not found: the service is at ${options.path} (WSDL at ${options.path}?wsdl)`);
  });
  await new Promise<void>((resolve, reject) => {
    const server = soap.listen(inner, {
      path: options.path,
      services: options.services,
      xml: options.wsdl,
      callback: (error?: unknown) => (error ? reject(error) : resolve()),
    });
    options.configure?.(server);
  });
  return (req, res) => inner.emit('request', req, res);
}
