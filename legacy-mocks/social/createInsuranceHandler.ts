import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IServerlessResponse, IServices, Server } from 'soap';
import { createSoapHandler, readBody } from '../common/index.js';
import { assertKnownOperation } from './assertKnownOperation.js';
import { checkUsernameToken } from './checkUsernameToken.js';
import { INSURANCE_PATH, MAX_REQUEST_BYTES } from './limits.js';
import type { SocialCredentials } from './socialCredentials.js';
import { socialFaultEnvelope, type SocialFaultCode } from './socialFault.js';

export interface InsuranceHandlerOptions {
  wsdl: string;
  services: IServices;
  credentials: SocialCredentials;
}

/**
 * The social insurance system's HTTP face: GET /insurance?wsdl is served by the soap package as
 * mounted by createSoapHandler; a POST is read here first, so the bureau answers every request
 * with one of its own faults: an empty, oversized or compressed body, and whatever the soap
 * package cannot parse (it would answer a stack trace or a SOAP 1.2 fault), become E2001/E2002.
 */
export async function createInsuranceHandler(
  options: InsuranceHandlerOptions,
): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  let soapServer: Server | undefined;
  const serveSoap = await createSoapHandler({
    path: INSURANCE_PATH,
    wsdl: options.wsdl,
    services: options.services,
    configure(server) {
      // The soap package calls this with the whole envelope before any operation runs.
      server.authenticate = (
        security: unknown,
        _done: unknown,
        req: { headers?: Record<string, unknown> } | undefined,
        envelope: unknown,
      ) => {
        assertKnownOperation(envelope, req?.headers?.soapaction);
        return checkUsernameToken(security, options.credentials);
      };
      soapServer = server;
    },
  });
  if (!soapServer) throw new Error('createSoapHandler did not hand over the soap server');
  const server = soapServer;

  return function handleInsurance(req, res) {
    const path = new URL(req.url ?? '/', 'http://social').pathname.replace(/\/+$/, '');
    if (path !== INSURANCE_PATH || req.method === 'GET') return serveSoap(req, res);
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST', 'content-type': 'text/plain; charset=utf-8' });
      res.end(`POST SOAP 1.1 envelopes to ${INSURANCE_PATH}; the WSDL is at ${INSURANCE_PATH}?wsdl`);
      return;
    }
    readBody(req, MAX_REQUEST_BYTES)
      .then(
        async (xml) => {
          const encoding = req.headers['content-encoding'];
          if ((encoding !== undefined && encoding !== 'identity') || xml.trim() === '') return sendFault(res, 'E2001');
          sendAnswer(res, await server.processRequest(xml, { method: 'POST', url: req.url, headers: req.headers }));
        },
        () => sendFault(res, 'E2002'),
      )
      .catch(() => sendFault(res, 'E9000'));
  };
}

function sendAnswer(res: ServerResponse, answer: IServerlessResponse): void {
  // Every fault of the bureau carries an errorCode; an error without one is the soap package
  // refusing a request it could not read (bad XML, an unknown element, a wrong SOAPAction).
  if (answer.statusCode >= 400 && !answer.body.includes('<errorCode>')) return sendFault(res, 'E2001');
  send(res, answer.statusCode, answer.body);
}

function sendFault(res: ServerResponse, code: SocialFaultCode): void {
  send(res, 500, socialFaultEnvelope(code));
}

function send(res: ServerResponse, status: number, body: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
