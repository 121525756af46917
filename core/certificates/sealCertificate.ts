import { CompactSign } from 'jose';
import { canonicalDocument } from './canonicalDocument.js';
import type { CertificateDocument } from './CertificateDocument.js';
import { SEAL_ALGORITHM, type SealKey } from './sealKeys.js';

/** The `typ` of every seal's header: a JWS made for anything else is never taken for a seal. */
export const SEAL_TYPE = 'city-graph-seal+jws';

/**
 * Seals a document with its department's key: a detached compact JWS (RFC 7515, appendix F),
 * `header..signature`, over the document's canonical JSON. The header names the key (`kid`) and
 * the department (`iss`); the document travels beside the seal, never inside it.
 */
export async function sealCertificate(document: CertificateDocument, key: SealKey): Promise<string> {
  if (document.issuer.department !== key.department) {
    throw new Error(`a ${key.department} key cannot seal a certificate issued by ${document.issuer.department}`);
  }
  const payload = new TextEncoder().encode(canonicalDocument(document));
  const jws = await new CompactSign(payload)
    .setProtectedHeader({ alg: SEAL_ALGORITHM, kid: key.kid, typ: SEAL_TYPE, iss: key.department })
    .sign(key.key);
  const [header, , signature] = jws.split('.');
  return `${header}..${signature}`;
}
