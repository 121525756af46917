import { parseStrictJson, StrictJsonError } from './parseStrictJson.js';

/** The version of the certificate format: a verifier refuses a document of another format. */
export const CERTIFICATE_FORMAT = 'city-graph-certificate/1';

/** A JSON value a certificate's facts may hold (RFC 8785 canonicalizes exactly these). */
export type FactValue = string | number | boolean | null | readonly FactValue[] | { readonly [key: string]: FactValue };

/**
 * One certificate as its holder keeps it: who issued it, about whom, the facts it attests, when
 * and until when. It is sealed as its RFC 8785 canonical JSON (canonicalDocument), so whitespace
 * and key order in a saved copy do not matter, while any changed value breaks the seal.
 */
export interface CertificateDocument {
  format: typeof CERTIFICATE_FORMAT;
  /** Unique per issuing department, e.g. `tax-20261130-7F3A9C01D2`; what revocation names. */
  serial: string;
  /** e.g. `tax-clearance`. */
  type: string;
  /** The title printed on the certificate, e.g. "Tax clearance certificate". */
  title: string;
  issuer: { department: string; name: string };
  subject: { kind: 'PERSON' | 'COMPANY'; id: string };
  facts: { readonly [key: string]: FactValue };
  /** ISO 8601 UTC, whole seconds. */
  issuedAt: string;
  /** ISO 8601 UTC, whole seconds: after this instant the certificate is expired. */
  validUntil: string;
  /** Where anyone can check it (the gateway's verification page). */
  verification: string;
}

/** Why a value is not a certificate document; the message names the first problem found. */
export class CertificateFormatError extends Error {
  override readonly name = 'CertificateFormatError';
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * The document, checked field by field; a CertificateFormatError otherwise. Accepts the JSON text
 * (read strictly: a name twice in one object is refused, parseStrictJson.ts) or the value parsed
 * from a file that parseCertificateFile read as strictly.
 */
export function parseCertificateDocument(value: unknown): CertificateDocument {
  const parsed = typeof value === 'string' ? readStrictly(value, 'the document') : value;
  if (!isRecord(parsed)) throw new CertificateFormatError('the document is not a JSON object');
  const document = parsed;
  if (document.format !== CERTIFICATE_FORMAT) {
    throw new CertificateFormatError(`the document's format is not ${CERTIFICATE_FORMAT}`);
  }
  for (const key of ['serial', 'type', 'title', 'issuedAt', 'validUntil', 'verification'] as const) {
    if (typeof document[key] !== 'string' || document[key] === '')
      throw new CertificateFormatError(`${key} is missing`);
  }
  for (const key of ['issuedAt', 'validUntil'] as const) {
    if (!ISO_INSTANT.test(document[key] as string)) {
      throw new CertificateFormatError(`${key} is not an ISO 8601 UTC instant (YYYY-MM-DDTHH:MM:SSZ)`);
    }
  }
  const { issuer, subject, facts } = document;
  if (!isRecord(issuer) || typeof issuer.department !== 'string' || typeof issuer.name !== 'string') {
    throw new CertificateFormatError('issuer needs a department and a name');
  }
  if (
    !isRecord(subject) ||
    (subject.kind !== 'PERSON' && subject.kind !== 'COMPANY') ||
    typeof subject.id !== 'string'
  ) {
    throw new CertificateFormatError('subject needs a kind (PERSON or COMPANY) and an id');
  }
  if (!isRecord(facts)) throw new CertificateFormatError('facts is not an object');
  return document as unknown as CertificateDocument;
}

/** JSON text read by parseStrictJson, its problem told as a CertificateFormatError about `what`. */
export function readStrictly(text: string, what: string): unknown {
  try {
    return parseStrictJson(text);
  } catch (error) {
    if (error instanceof StrictJsonError) throw new CertificateFormatError(`${what} ${error.message}`);
    throw error;
  }
}

/**
 * A certificate file as its holder saved it, `{"document": …, "seal": "…"}` (the document as the
 * mutation's JSON text, or as an object): read strictly, so that a name twice anywhere in it is
 * refused before any part of it is believed.
 */
export function parseCertificateFile(text: string): { document: unknown; seal: unknown } {
  const file = readStrictly(text, 'the file');
  if (!isRecord(file) || !('document' in file) || !('seal' in file)) {
    throw new CertificateFormatError('the file needs "document" and "seal"');
  }
  return { document: file.document, seal: file.seal };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
