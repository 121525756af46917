export {
  createCertificateIssuer,
  type CertificateIssuer,
  type CertificateIssuerOptions,
  type CertificateRequest,
  type IssuedCertificate,
  type IssueOptions,
} from './createCertificateIssuer.js';
