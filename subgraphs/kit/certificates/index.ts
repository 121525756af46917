export {
  createCertificateIssuer,
  type CertificateIssuer,
  type CertificateIssuerOptions,
  type CertificateRequest,
  type IssuedCertificate,
} from './createCertificateIssuer.js';
