import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import {
  publishedSealKeys,
  readPublishedSealKeySets,
  readSealKeyring,
  verifyCertificateSeal,
  type CertificateDocument,
} from '../core/certificates/index.js';
import { readLimited, sendError, sendJson, type Route } from '../core/index.js';
import { DEPARTMENT_NAMES } from '../registry/departments.js';
import { renderCertificatePage, renderVerifyPage } from './certificatePages.js';

/** A certificate file is a few kilobytes: the print form takes at most this much. */
const MAX_CERTIFICATE_BYTES = 65_536;

/**
 * The certificates' public face at the gateway:
 * - `GET /.well-known/seals/<department>.json`: each department's seal keys (a JWKS, plus the ids
 *   of retired keys), read from SEAL_KEYS_DIR at each request so a rotation shows at once; what a
 *   verifier saves to check certificates offline (`npm run certificate:verify`).
 * - `GET /certificates/verify`: a page to check a certificate file (it asks `verifyCertificate`).
 * - `POST /certificates/print`: a certificate file as a printable page with a QR code carrying its
 *   serial and the verification address; a seal that does not check is refused, not printed.
 * Nothing is stored: the holder keeps the certificate.
 */
export function certificateRoutes(): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const department of DEPARTMENT_NAMES) {
    routes[`GET /.well-known/seals/${department}.json`] = (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      res.setHeader('access-control-allow-origin', '*');
      sendJson(res, 200, publishedSealKeys(readSealKeyring(department)));
    };
  }
  routes['GET /certificates/verify'] = (_req, res) => sendHtml(res, 200, renderVerifyPage());
  routes['POST /certificates/print'] = printCertificate;
  return routes;
}

async function printCertificate(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readLimited(req, MAX_CERTIFICATE_BYTES);
  if (body === null) return sendError(res, 'PAYLOAD_TOO_LARGE', 'A certificate file is at most 64 KiB.');
  const file = readCertificateFile(req.headers['content-type'] ?? '', body);
  if (!file) {
    return sendError(
      res,
      'BAD_REQUEST',
      'Send the certificate file: {"document": …, "seal": "…"} (JSON or form field certificate).',
    );
  }
  // The seal is checked here against the published keys; revocation only the verification page can tell.
  const verdict = await verifyCertificateSeal(file, { keySets: readPublishedSealKeySets(DEPARTMENT_NAMES) });
  if (!verdict.valid && verdict.reason !== 'EXPIRED') {
    return sendHtml(res, 422, renderCertificatePage({ refused: `${verdict.reason}: ${verdict.message}` }));
  }
  const document: CertificateDocument = verdict.document!;
  const address = `${document.verification}?serial=${encodeURIComponent(document.serial)}`;
  const qr = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  sendHtml(
    res,
    200,
    renderCertificatePage({ document, seal: String(file.seal), qr, address, expired: !verdict.valid }),
  );
}

/** The file as saved from a mutation's answer: JSON `{document, seal}`, or the same in the form field `certificate`. */
function readCertificateFile(contentType: string, body: string): { document: unknown; seal: unknown } | null {
  let text = body;
  if (contentType.startsWith('application/x-www-form-urlencoded'))
    text = new URLSearchParams(body).get('certificate') ?? '';
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || !('document' in parsed) || !('seal' in parsed)) return null;
    return parsed as { document: unknown; seal: unknown };
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
