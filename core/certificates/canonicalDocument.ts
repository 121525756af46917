import canonicalize from 'canonicalize';
import type { CertificateDocument } from './CertificateDocument.js';

/**
 * The exact text a seal signs: the document as RFC 8785 canonical JSON (sorted keys, no
 * whitespace, ECMAScript number form), so any holder's copy verifies however it was saved.
 */
export function canonicalDocument(document: CertificateDocument): string {
  const text = canonicalize(document);
  if (text === undefined) throw new TypeError('a certificate document must be JSON');
  return text;
}
