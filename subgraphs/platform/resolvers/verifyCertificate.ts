import { readPublishedSealKeySets, verifyCertificateSeal } from '../../../core/certificates/index.js';
import { DEPARTMENT_NAMES } from '../../../registry/departments.js';
import { badUserInput } from '../../kit/index.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';

/** A certificate document is a few kilobytes; anything much larger is not one, and is not read. */
const MAX_DOCUMENT_LENGTH = 65_536;

/**
 * `verifyCertificate`: the seal against the issuer's published keys (SEAL_KEYS_DIR, read at each
 * call so a rotation or a retirement counts at once), then expiry, then the issuer's revocations
 * in the certificate register. The answer repeats only what the document states.
 */
export const verifyCertificate: NonNullable<QueryResolvers['verifyCertificate']> = async (
  _root,
  { document, seal },
  { loaders },
) => {
  if (document.length > MAX_DOCUMENT_LENGTH) throw badUserInput('document', 'a certificate document is at most 64 KiB');
  const verdict = await verifyCertificateSeal(
    { document, seal },
    {
      keySets: readPublishedSealKeySets(DEPARTMENT_NAMES),
      isRevoked: (department, serial) => loaders.certificates.isRevoked(department, serial),
    },
  );
  const stated = verdict.document;
  return {
    valid: verdict.valid,
    problem: verdict.valid ? null : verdict.reason,
    message: verdict.valid
      ? `Issued by ${verdict.document.issuer.name}, sealed with key ${verdict.kid}.`
      : verdict.message,
    serial: stated?.serial ?? null,
    issuer: stated?.issuer.department ?? null,
    type: stated?.type ?? null,
    validUntil: stated?.validUntil ?? null,
  };
};
