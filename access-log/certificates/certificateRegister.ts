import type { SqlDriver } from '../sql/SqlDriver.js';
import { openLogDatabase, type OpenLogDatabaseOptions } from '../store/openLogDatabase.js';

/** What the platform keeps of one issued certificate: enough to revoke it and to audit issuance, not the document. */
export interface CertificateIssuance {
  serial: string;
  department: string;
  type: string;
  subject: { kind: 'PERSON' | 'COMPANY'; id: string };
  issuedAt: string;
  validUntil: string;
  /** SHA-256 of the document's canonical JSON, hex: proves which document a serial was issued as. */
  documentHash: string;
  revokedAt: string | null;
  revocationReason: string | null;
}

/** Which certificates an issuer may hand out again: one department's, of one type, about one subject. */
export interface CurrentCertificatesQuery {
  department: string;
  type: string;
  subject: { kind: 'PERSON' | 'COMPANY'; id: string };
  /** Only certificates still valid after this instant (ISO 8601 UTC, whole seconds). */
  validAfter: string;
  /** At most this many, newest first. */
  limit: number;
}

export interface Revocation {
  serial: string;
  revokedAt: string;
  reason: string;
}

/**
 * The certificates issued and their revocations: a store of its own beside the access log, in
 * the same database (table certificate_issuances, sql/accessLogSchema.ts). The issuing
 * departments record and look up through it, the platform answers revocation from it, and
 * `npm run certificate:revoke` revokes in it.
 */
export interface CertificateRegister {
  /** Records an issuance before the certificate leaves its department (no record, no certificate). */
  record(issuance: Omit<CertificateIssuance, 'revokedAt' | 'revocationReason'>): Promise<void>;
  read(serial: string): Promise<CertificateIssuance | null>;
  /**
   * The unrevoked certificates of the query's department, type and subject still valid after
   * `validAfter`, newest first: what an issuer hands out again rather than a new serial
   * (createCertificateIssuer.ts matches the document by its hash, which also tells the year apart).
   */
  current(query: CurrentCertificatesQuery): Promise<CertificateIssuance[]>;
  /** Revokes one of the department's certificates; throws when it has no such serial or it is already revoked. */
  revoke(department: string, serial: string, reason: string): Promise<CertificateIssuance>;
  isRevoked(department: string, serial: string): Promise<boolean>;
  /** The department's revocation list, oldest first: what an offline verifier can save. */
  revocations(department: string): Promise<Revocation[]>;
}

interface IssuanceRow {
  serial: string;
  department: string;
  type: string;
  subject_kind: string;
  subject_id: string;
  issued_at: string;
  valid_until: string;
  document_hash: string;
  revoked_at: string | null;
  revocation_reason: string | null;
}

const toIssuance = (row: IssuanceRow): CertificateIssuance => ({
  serial: row.serial,
  department: row.department,
  type: row.type,
  subject: { kind: row.subject_kind === 'COMPANY' ? 'COMPANY' : 'PERSON', id: row.subject_id },
  issuedAt: row.issued_at,
  validUntil: row.valid_until,
  documentHash: row.document_hash,
  revokedAt: row.revoked_at,
  revocationReason: row.revocation_reason,
});

/** The register over an opened database of the log (store/openLogDatabase.ts). */
export function createCertificateRegister(driver: SqlDriver): CertificateRegister {
  const read = async (serial: string) => {
    const [row] = await driver.all<IssuanceRow>('SELECT * FROM certificate_issuances WHERE serial = ?', [serial]);
    return row ? toIssuance(row) : null;
  };
  return {
    async record(issuance) {
      await driver.transaction((tx) =>
        tx.run(
          `INSERT INTO certificate_issuances
             (serial, department, type, subject_kind, subject_id, issued_at, valid_until, document_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            issuance.serial,
            issuance.department,
            issuance.type,
            issuance.subject.kind,
            issuance.subject.id,
            issuance.issuedAt,
            issuance.validUntil,
            issuance.documentHash,
          ],
        ),
      );
    },
    read,
    async current({ department, type, subject, validAfter, limit }) {
      const rows = await driver.all<IssuanceRow>(
        `SELECT * FROM certificate_issuances
          WHERE department = ? AND type = ? AND subject_kind = ? AND subject_id = ?
            AND revoked_at IS NULL AND valid_until > ?
          ORDER BY issued_at DESC, serial DESC
          LIMIT ?`,
        [department, type, subject.kind, subject.id, validAfter, limit],
      );
      return rows.map(toIssuance);
    },
    async revoke(department, serial, reason) {
      const changed = await driver.transaction((tx) =>
        tx.run(
          'UPDATE certificate_issuances SET revoked_at = ?, revocation_reason = ? WHERE serial = ? AND department = ? AND revoked_at IS NULL',
          [new Date().toISOString(), reason, serial, department],
        ),
      );
      const issuance = await read(serial);
      if (!issuance || issuance.department !== department)
        throw new Error(`${department} issued no certificate ${serial}`);
      if (changed === 0) throw new Error(`certificate ${serial} was already revoked at ${issuance.revokedAt}`);
      return issuance;
    },
    async isRevoked(department, serial) {
      const issuance = await read(serial);
      return issuance !== null && issuance.department === department && issuance.revokedAt !== null;
    },
    async revocations(department) {
      const rows = await driver.all<IssuanceRow>(
        'SELECT * FROM certificate_issuances WHERE department = ? AND revoked_at IS NOT NULL ORDER BY revoked_at, serial',
        [department],
      );
      return rows.map((row) => ({
        serial: row.serial,
        revokedAt: row.revoked_at!,
        reason: row.revocation_reason ?? '',
      }));
    },
  };
}

/** A register that owns its connection to the database: closing it closes the connection. */
export interface OpenedCertificateRegister extends CertificateRegister {
  close(): Promise<void>;
}

/**
 * A register's pool on PostgreSQL: issuances and revocation checks are few beside the log's
 * appends, and every subgraph process opens both.
 */
const REGISTER_MAX_CONNECTIONS = 2;

/**
 * Opens the register in the log's database named by the options or AUDIT_DATABASE_URL (as
 * openAccessLogStore does), on a connection of its own.
 */
export async function openCertificateRegister(
  options: OpenLogDatabaseOptions = {},
): Promise<OpenedCertificateRegister> {
  const driver = await openLogDatabase(
    { maxConnections: REGISTER_MAX_CONNECTIONS, ...options },
    { table: 'certificate_issuances', what: 'certificate register' },
  );
  return { ...createCertificateRegister(driver), close: () => driver.close() };
}
