import { base64url, compactVerify, importJWK, type CryptoKey, type JWK } from 'jose';
import { DEPARTMENT_NAMES } from '../../registry/departments.js';
import { canonicalDocument } from './canonicalDocument.js';
import { CertificateFormatError, parseCertificateDocument, type CertificateDocument } from './CertificateDocument.js';
import { SEAL_TYPE } from './sealCertificate.js';
import { SEAL_ALGORITHM, type PublishedSealKeys } from './sealKeys.js';

/**
 * Why a certificate is not valid, checked in this order: a malformed document or seal (a name
 * twice in one object included: parseStrictJson.ts); an issuer that is no department of the
 * registry, or a seal by a key that is not the issuer's (another department's: WRONG_ISSUER;
 * withdrawn: RETIRED_KEY; nobody's: UNKNOWN_KEY); a signature that does not match the document (TAMPERED); then, for a
 * genuine certificate, its validity (EXPIRED) and its issuer's revocation list (REVOKED).
 */
export type SealFailure =
  'MALFORMED' | 'UNKNOWN_KEY' | 'RETIRED_KEY' | 'WRONG_ISSUER' | 'TAMPERED' | 'EXPIRED' | 'REVOKED';

export type SealVerdict =
  | { valid: true; document: CertificateDocument; kid: string }
  | { valid: false; reason: SealFailure; message: string; document?: CertificateDocument };

export interface VerifySealOptions {
  /**
   * Each department's published keys, as downloaded from /.well-known/seals/<department>.json;
   * only a registry department's own entry is ever read (never one inherited from Object.prototype).
   */
  keySets: Readonly<Record<string, PublishedSealKeys>>;
  /** Whether the issuer revoked this serial; omitted offline without a saved revocation list. */
  isRevoked?(department: string, serial: string): boolean | Promise<boolean>;
  now?: Date;
}

const SEAL_SHAPE = /^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/;

/** Imported public keys by id and key material: a published key is imported once, not per verification. */
const importedKeys = new Map<string, Promise<CryptoKey | Uint8Array>>();
const MAX_IMPORTED_KEYS = 1_000;

function importSealKey(jwk: JWK): Promise<CryptoKey | Uint8Array> {
  const id = `${jwk.kid}:${jwk.x}`;
  let key = importedKeys.get(id);
  if (!key) {
    if (importedKeys.size >= MAX_IMPORTED_KEYS) importedKeys.clear();
    key = importJWK(jwk, SEAL_ALGORITHM);
    importedKeys.set(id, key);
    key.catch(() => importedKeys.delete(id));
  }
  return key;
}

/** Checks a certificate and its seal; never throws for bad input, it answers why instead. */
export async function verifyCertificateSeal(
  input: { document: unknown; seal: unknown },
  options: VerifySealOptions,
): Promise<SealVerdict> {
  let document: CertificateDocument;
  try {
    document = parseCertificateDocument(input.document);
  } catch (error) {
    if (error instanceof CertificateFormatError) return refuse('MALFORMED', `not a certificate: ${error.message}`);
    throw error;
  }
  const header = readSealHeader(input.seal);
  if (!header) return refuse('MALFORMED', 'the seal is not a detached JWS (header..signature)', document);
  const issuer = document.issuer.department;
  // The issuer is the holder's text: `constructor` or `__proto__` must not reach a plain-object lookup (issue 20, finding 4).
  if (!(DEPARTMENT_NAMES as readonly string[]).includes(issuer)) {
    return refuse(
      'WRONG_ISSUER',
      `names ${quote(issuer)} as its issuer, which is no department of this graph`,
      document,
    );
  }
  const own = Object.hasOwn(options.keySets, issuer) ? options.keySets[issuer] : undefined;
  const jwk = own?.keys.find((key) => key.kid === header.kid);
  if (!jwk) {
    if (own?.retired.some((key) => key.kid === header.kid)) {
      return refuse(
        'RETIRED_KEY',
        `sealed with ${issuer}'s key ${quote(header.kid)}, which has been retired`,
        document,
      );
    }
    const other = Object.entries(options.keySets).find(
      ([department, set]) =>
        department !== issuer && [...set.keys, ...set.retired].some((key) => key.kid === header.kid),
    );
    if (other) {
      return refuse('WRONG_ISSUER', `claims ${issuer} as its issuer but is sealed with ${other[0]}'s key`, document);
    }
    return refuse('UNKNOWN_KEY', `sealed with a key ${issuer} never published (${quote(header.kid)})`, document);
  }
  if (header.iss !== issuer) {
    return refuse(
      'WRONG_ISSUER',
      `claims ${issuer} as its issuer but the seal names ${quote(String(header.iss))}`,
      document,
    );
  }
  try {
    const payload = base64url.encode(canonicalDocument(document));
    const key = await importSealKey(jwk);
    const [protectedHeader, , signature] = (input.seal as string).split('.');
    await compactVerify(`${protectedHeader}.${payload}.${signature}`, key, { algorithms: [SEAL_ALGORITHM] });
  } catch {
    return refuse('TAMPERED', 'the seal does not match the document: it was changed after sealing', document);
  }
  const now = options.now ?? new Date();
  if (now.getTime() > Date.parse(document.validUntil)) {
    return refuse('EXPIRED', `expired at ${document.validUntil}`, document);
  }
  if (options.isRevoked && (await options.isRevoked(issuer, document.serial))) {
    return refuse('REVOKED', `${issuer} revoked certificate ${document.serial}`, document);
  }
  return { valid: true, document, kid: header.kid };
}

function readSealHeader(seal: unknown): { kid: string; iss: unknown } | null {
  if (typeof seal !== 'string' || seal.length > 4096 || !SEAL_SHAPE.test(seal)) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(seal.split('.')[0]!))) as Record<
      string,
      unknown
    >;
    if (header.alg !== SEAL_ALGORITHM || header.typ !== SEAL_TYPE || typeof header.kid !== 'string') return null;
    return { kid: header.kid, iss: header.iss };
  } catch {
    return null;
  }
}

/** A value the holder sent, shown in a message: quoted and cut short. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function refuse(reason: SealFailure, message: string, document?: CertificateDocument): SealVerdict {
  return { valid: false, reason, message, ...(document ? { document } : {}) };
}
