/** Electronic certificates: the document, its canonical form, department seal keys, sealing and verification. */
export {
  CERTIFICATE_FORMAT,
  CertificateFormatError,
  parseCertificateDocument,
  parseCertificateFile,
  type CertificateDocument,
  type FactValue,
} from './CertificateDocument.js';
export { canonicalDocument } from './canonicalDocument.js';
export { MAX_JSON_DEPTH, parseStrictJson, StrictJsonError } from './parseStrictJson.js';
export { SEAL_TYPE, sealCertificate } from './sealCertificate.js';
export {
  publishedSealKeys,
  readActiveSealKey,
  readPublishedSealKeySets,
  readSealKeyring,
  retireSealKey,
  rotateSealKey,
  SEAL_ALGORITHM,
  sealKeysDirectory,
  type PublishedSealKeys,
  type SealKey,
  type SealKeyEntry,
  type SealKeyring,
  type SealKeyState,
} from './sealKeys.js';
export {
  verifyCertificateSeal,
  type SealFailure,
  type SealVerdict,
  type VerifySealOptions,
} from './verifyCertificateSeal.js';
