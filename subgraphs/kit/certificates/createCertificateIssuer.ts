import { createHash, randomBytes } from 'node:crypto';
import {
  canonicalDocument,
  CERTIFICATE_FORMAT,
  readActiveSealKey,
  sealCertificate,
  type CertificateDocument,
  type FactValue,
} from '../../../core/certificates/index.js';
import {
  DEFAULT_HOST,
  departmentSettings,
  GATEWAY_DEFAULT_PORT,
  type Department,
} from '../../../registry/departments.js';
import type { AccessLogStore } from '../audit/index.js';

/** What a department asks to certify: everything but who issues it, when, and its serial. */
export interface CertificateRequest {
  /** e.g. `tax-clearance`. */
  type: string;
  title: string;
  subject: { kind: 'PERSON' | 'COMPANY'; id: string };
  facts: { readonly [key: string]: FactValue };
  /** How long it is valid from now, in days. */
  validForDays: number;
}

/** An issued certificate as a mutation answers it: the canonical document and its seal, for the holder to keep. */
export interface IssuedCertificate {
  serial: string;
  /** The document as RFC 8785 canonical JSON: exactly what the seal signs. */
  document: string;
  seal: string;
  validUntil: string;
  /** Whose certificate it is, for the privacy rules and the access log. */
  subject: { kind: 'PERSON' | 'COMPANY'; id: string };
}

export interface CertificateIssuerOptions {
  department: Department;
  /** The issuer's name printed on the certificate; default the registry's, e.g. "The tax bureau". */
  issuerName?: string;
  /** Where issuance is recorded; null only for the benchmarks' unprotected contender, which cannot issue. */
  accessLog: AccessLogStore | null;
  /** Seal keys' folder (SEAL_KEYS_DIR by default). */
  sealKeysDirectory?: string;
  /** Makes a development seal key on first use; default: unless NODE_ENV=production. */
  createDevelopmentKey?: boolean;
  /** Where anyone verifies; default CERTIFICATE_VERIFY_URL or the local gateway's /certificates/verify. */
  verificationUrl?: string;
}

export interface CertificateIssuer {
  issue(request: CertificateRequest): Promise<IssuedCertificate>;
}

const DAY_MS = 86_400_000;
const instant = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/**
 * A department's certificate desk: builds the document, seals it with the department's active
 * key (read at each issuance, so a rotation applies at once), and records the issuance (serial,
 * subject, time, document hash; never the document) before the certificate leaves: no record, no
 * certificate. The policy decided beforehand whether the caller may ask (the mutation's rule).
 */
export function createCertificateIssuer(options: CertificateIssuerOptions): CertificateIssuer {
  // The registry describes each department as "<its name>: <what it serves>".
  const issuerName = options.issuerName ?? departmentSettings(options.department).description.split(':')[0]!;
  const verification =
    options.verificationUrl ??
    process.env.CERTIFICATE_VERIFY_URL ??
    `http://${DEFAULT_HOST}:${GATEWAY_DEFAULT_PORT}/certificates/verify`;
  return {
    async issue(request) {
      if (!options.accessLog) throw new Error('certificates are issued only with an access log to record them');
      const now = new Date();
      const issuedAt = instant(now);
      const serial = `${options.department}-${issuedAt.slice(0, 10).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
      const document: CertificateDocument = {
        format: CERTIFICATE_FORMAT,
        serial,
        type: request.type,
        title: request.title,
        issuer: { department: options.department, name: issuerName },
        subject: request.subject,
        facts: request.facts,
        issuedAt,
        validUntil: instant(new Date(now.getTime() + request.validForDays * DAY_MS)),
        verification,
      };
      const key = await readActiveSealKey(options.department, {
        directory: options.sealKeysDirectory,
        // A development key on first use, never in production (the configuration also refuses data/keys there).
        createIfMissing: options.createDevelopmentKey ?? process.env.NODE_ENV !== 'production',
      });
      const canonical = canonicalDocument(document);
      const seal = await sealCertificate(document, key);
      await options.accessLog.certificates.record({
        serial,
        department: options.department,
        type: request.type,
        subject: request.subject,
        issuedAt,
        validUntil: document.validUntil,
        documentHash: createHash('sha256').update(canonical).digest('hex'),
      });
      return { serial, document: canonical, seal, validUntil: document.validUntil, subject: request.subject };
    },
  };
}
