import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLResponse } from '@apollo/server';
import QRCode from 'qrcode';
import {
  CertificateFormatError,
  parseCertificateFile,
  publishedSealKeys,
  readPublishedSealKeySets,
  readSealKeyring,
  verifyCertificateSeal,
  type CertificateDocument,
} from '../core/certificates/index.js';
import { readLimited, sendError, sendJson, type RequestInfo, type Route } from '../core/index.js';
import { DEPARTMENT_NAMES } from '../registry/departments.js';
import { renderCertificatePage, renderVerifyPage } from './certificatePages.js';

/** A certificate file is a few kilobytes: the print form takes at most this much. */
const MAX_CERTIFICATE_BYTES = 65_536;

export interface CertificateRoutesOptions {
  /**
   * Runs a public operation through the graph on behalf of the request `info` (server.ts: the
   * gateway's own executeOperation, its cost counted against the request's caller). The print
   * route asks `verifyCertificate` with it whether the issuer revoked the certificate; without
   * it, or when the graph cannot say, the printed page says in words that this was not checked.
   */
  executePublic?(query: string, variables: Record<string, unknown>, info: RequestInfo): Promise<GraphQLResponse>;
}

/**
 * The certificates' public face at the gateway:
 * - `GET /.well-known/seals/<department>.json`: each department's seal keys (a JWKS, plus the ids
 *   of retired keys), read from SEAL_KEYS_DIR at each request so a rotation shows at once; what a
 *   verifier saves to check certificates offline (`npm run certificate:verify`).
 * - `GET /certificates/verify`: a page to check a certificate file (it asks `verifyCertificate`).
 * - `POST /certificates/print`: a certificate file as a printable page with a QR code carrying its
 *   serial and the verification address; a seal that does not check, a file with a name twice in
 *   one object, or a certificate its issuer revoked is refused, not printed.
 * Nothing is stored: the holder keeps the certificate.
 */
export function certificateRoutes(options: CertificateRoutesOptions = {}): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const department of DEPARTMENT_NAMES) {
    routes[`GET /.well-known/seals/${department}.json`] = (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      res.setHeader('access-control-allow-origin', '*');
      sendJson(res, 200, publishedSealKeys(readSealKeyring(department)));
    };
  }
  routes['GET /certificates/verify'] = (_req, res) => sendHtml(res, 200, renderVerifyPage());
  routes['POST /certificates/print'] = (req, res, info) => printCertificate(req, res, info, options);
  return routes;
}

const VERIFY = `query PrintCheck($document: String!, $seal: String!) {
  verifyCertificate(document: $document, seal: $seal) { problem message }
}`;

async function printCertificate(
  req: IncomingMessage,
  res: ServerResponse,
  info: RequestInfo,
  options: CertificateRoutesOptions,
): Promise<void> {
  const body = await readLimited(req, MAX_CERTIFICATE_BYTES);
  if (body === null) return sendError(res, 'PAYLOAD_TOO_LARGE', 'A certificate file is at most 64 KiB.');
  const text = readCertificateFile(req.headers['content-type'] ?? '', body);
  if (text === null) {
    return sendError(
      res,
      'BAD_REQUEST',
      'Send the certificate file: {"document": …, "seal": "…"} (JSON or form field certificate).',
    );
  }
  let file: { document: unknown; seal: unknown };
  try {
    // Read strictly: a name twice in one object would show other facts than those the seal was checked on.
    file = parseCertificateFile(text);
  } catch (error) {
    if (!(error instanceof CertificateFormatError)) throw error;
    return sendHtml(res, 422, renderCertificatePage({ refused: `MALFORMED: not a certificate: ${error.message}` }));
  }
  // The seal against the published keys here, so that a forged file costs no question to the graph.
  const verdict = await verifyCertificateSeal(file, { keySets: readPublishedSealKeySets(DEPARTMENT_NAMES) });
  if (!verdict.valid && verdict.reason !== 'EXPIRED') {
    return sendHtml(res, 422, renderCertificatePage({ refused: `${verdict.reason}: ${verdict.message}` }));
  }
  const document: CertificateDocument = verdict.document!;
  // Revocation is in the certificate register, behind the platform's verifyCertificate (as the verification page asks it).
  const online = await checkOnline(options, info, {
    document: typeof file.document === 'string' ? file.document : JSON.stringify(file.document),
    seal: String(file.seal),
  });
  if (online?.problem === 'REVOKED') {
    return sendHtml(res, 422, renderCertificatePage({ refused: `REVOKED: ${online.message}` }));
  }
  const address = `${document.verification}?serial=${encodeURIComponent(document.serial)}`;
  const qr = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  sendHtml(
    res,
    200,
    renderCertificatePage({
      document,
      seal: String(file.seal),
      qr,
      address,
      expired: !verdict.valid,
      revocationChecked: online !== null,
    }),
  );
}

/** What verifyCertificate answers about the file, or null when the graph could not be asked or did not answer. */
async function checkOnline(
  options: CertificateRoutesOptions,
  info: RequestInfo,
  certificate: { document: string; seal: string },
): Promise<{ problem: string | null; message: string } | null> {
  if (!options.executePublic) return null;
  try {
    const response = await options.executePublic(VERIFY, certificate, info);
    const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
    const answer = (data as { verifyCertificate?: { problem: string | null; message: string } } | null | undefined)
      ?.verifyCertificate;
    return answer ?? null;
  } catch {
    return null;
  }
}

/**
 * The file's text as saved from a mutation's answer: JSON `{document, seal}`, or the same in the
 * form field `certificate`; null when it is not even that (parseCertificateFile then reads it strictly).
 */
function readCertificateFile(contentType: string, body: string): string | null {
  const text = contentType.startsWith('application/x-www-form-urlencoded')
    ? (new URLSearchParams(body).get('certificate') ?? '')
    : body;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || !('document' in parsed) || !('seal' in parsed)) return null;
    return text;
  } catch {
    return null;
  }
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    // Everything the pages need is inline or on this server: no other origin is ever contacted.
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self' 'unsafe-inline'; connect-src 'self'; form-action 'self'",
    'cache-control': 'no-store',
  });
  res.end(html);
}
