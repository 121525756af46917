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
import type { CertificateRegister } from '../../../access-log/index.js';

/** What a department asks to certify: everything but who issues it, when, and its serial. */
export interface CertificateRequest {
  /** e.g. `tax-clearance`. */
  type: string;
  title: string;
  subject: { kind: 'PERSON' | 'COMPANY'; id: string };
  /**
   * What it attests: the department's records as they are now. A function of the issue day
   * (YYYY-MM-DD, UTC) when the facts name that day (a tax clearance is "as of" it), so that a
   * certificate issued on an earlier day can be rebuilt and recognised (`issue`).
   */
  facts: Facts | ((issuedOn: string) => Facts);
  /** How long it is valid from now, in days. */
  validForDays: number;
}

type Facts = { readonly [key: string]: FactValue };

export interface IssueOptions {
  /** A new certificate and serial even when the subject holds a current one of the same facts. */
  renew?: boolean;
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
  /** Where issuance is recorded (the access log's database); null only for the benchmarks' unprotected contender, which cannot issue. */
  register: CertificateRegister | null;
  /** Seal keys' folder (SEAL_KEYS_DIR by default). */
  sealKeysDirectory?: string;
  /** Makes a development seal key on first use; default yes (a production subgraph passes false: SubgraphSettings.production). */
  createDevelopmentKey?: boolean;
  /** Where anyone verifies (CERTIFICATE_VERIFY_URL, read by the subgraph's config); default the local gateway's /certificates/verify. */
  verificationUrl?: string;
}

export interface CertificateIssuer {
  issue(request: CertificateRequest, options?: IssueOptions): Promise<IssuedCertificate>;
}

const DAY_MS = 86_400_000;
/**
 * A certificate handed out again must still be of use to its holder: one with less than a day
 * left is not, and a new one is issued instead.
 */
const MIN_VALIDITY_LEFT_MS = DAY_MS;
/** How many of a subject's current certificates of one type are compared (newest first) before a new one is issued. */
const MAX_CURRENT_COMPARED = 20;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const instant = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/**
 * A department's certificate desk: builds the document, seals it with the department's active
 * key (read at each issuance, so a rotation applies at once), and records the issuance (serial,
 * subject, time, document hash; never the document) before the certificate leaves: no record, no
 * certificate. The policy decided beforehand whether the caller may ask (the mutation's rule).
 *
 * Asked again for a certificate its subject already holds, it answers that one rather than a new
 * serial (issue 20), unless `renew`: among the subject's unrevoked certificates of the type with
 * more than a day left, it rebuilds each (newest first) from its serial, times and today's
 * records, and takes the first whose canonical JSON has the hash the register kept. The same hash
 * proves the very document issued then, so the facts are unchanged (a year of contributions is
 * told apart by its facts too); the register still keeps no document, and the seal is made again
 * with the active key (Ed25519 is deterministic: the same seal until a rotation). When the
 * records changed, a new certificate states them.
 */
export function createCertificateIssuer(options: CertificateIssuerOptions): CertificateIssuer {
  // The registry describes each department as "<its name>: <what it serves>".
  const issuerName = options.issuerName ?? departmentSettings(options.department).description.split(':')[0]!;
  const verification = options.verificationUrl ?? `http://${DEFAULT_HOST}:${GATEWAY_DEFAULT_PORT}/certificates/verify`;
  const documentOf = (
    request: CertificateRequest,
    issued: { serial: string; issuedAt: string; validUntil: string },
  ): CertificateDocument => ({
    format: CERTIFICATE_FORMAT,
    serial: issued.serial,
    type: request.type,
    title: request.title,
    issuer: { department: options.department, name: issuerName },
    subject: request.subject,
    facts: typeof request.facts === 'function' ? request.facts(issued.issuedAt.slice(0, 10)) : request.facts,
    issuedAt: issued.issuedAt,
    validUntil: issued.validUntil,
    verification,
  });
  const seal = async (document: CertificateDocument) =>
    sealCertificate(
      document,
      await readActiveSealKey(options.department, {
        directory: options.sealKeysDirectory,
        // A development key on first use, never in production (the configuration also refuses data/keys there).
        createIfMissing: options.createDevelopmentKey ?? true,
      }),
    );
  const answer = (document: CertificateDocument, canonical: string, sealed: string): IssuedCertificate => ({
    serial: document.serial,
    document: canonical,
    seal: sealed,
    validUntil: document.validUntil,
    subject: document.subject,
  });
  return {
    async issue(request, { renew = false } = {}) {
      if (!options.register) throw new Error('certificates are issued only with a certificate register to record them');
      const register = options.register;
      const now = new Date();
      if (!renew) {
        const current = await register.current({
          department: options.department,
          type: request.type,
          subject: request.subject,
          validAfter: instant(new Date(now.getTime() + MIN_VALIDITY_LEFT_MS)),
          limit: MAX_CURRENT_COMPARED,
        });
        for (const issued of current) {
          const document = documentOf(request, issued);
          const canonical = canonicalDocument(document);
          if (sha256(canonical) === issued.documentHash) return answer(document, canonical, await seal(document));
        }
      }
      const issuedAt = instant(now);
      const document = documentOf(request, {
        serial: `${options.department}-${issuedAt.slice(0, 10).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`,
        issuedAt,
        validUntil: instant(new Date(now.getTime() + request.validForDays * DAY_MS)),
      });
      const canonical = canonicalDocument(document);
      const sealed = await seal(document);
      await register.record({
        serial: document.serial,
        department: options.department,
        type: request.type,
        subject: request.subject,
        issuedAt,
        validUntil: document.validUntil,
        documentHash: sha256(canonical),
      });
      return answer(document, canonical, sealed);
    },
  };
}
