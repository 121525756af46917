import type { ApplicationsService } from '../../applications/graph/ApplicationsFrontDesk.js';
import type { GatewayVerificationKey } from '../../core/identity/callerToken.js';
import type { AccessLogStore, CertificateRegister } from '../../access-log/index.js';
import type { LegacyGuardOptions } from './resilience/index.js';
import type { Logger } from '../../core/operations/index.js';

/** What `startDepartment` takes for any department: where to listen, its legacy system, whom to trust. */
export interface SubgraphSettings {
  port?: number;
  host?: string;
  /** The department's legacy system, e.g. http://127.0.0.1:5002; absent for the platform, which has none. */
  legacyUrl?: string;
  /** The timeout of each attempt at a legacy call, shared by all departments (LEGACY_TIMEOUT_MS); <DEPT>_LEGACY_TIMEOUT_MS refines it. */
  legacyTimeoutMs?: number;
  /** The legacy client's guard (kit/resilience): options given here win over the environment; tests pass small values, metrics pass `events`. */
  legacyGuard?: Partial<LegacyGuardOptions>;
  /** The gateway's public key, or its published key set picked by kid: only requests carrying a caller token it signed are answered. */
  gatewayKey: GatewayVerificationKey;
  /** The department's policy file; defaults to privacy/<department>.yaml. */
  policyFile?: string;
  /** BENCHMARKS ONLY: start without caller check, policy and access log (see startSubgraph). */
  withoutProtections?: boolean;
  /** The service's logger; defaults to a pino logger on stdout named after the department. */
  logger?: Logger;
  /** The access log every access to a protected field is written to (shared by all subgraphs); null only in benchmarks. */
  accessLog: AccessLogStore | null;
  /** The one-stop applications' front desk (applications/graph): the platform's applications fields; absent or null: they answer APPLICATIONS_UNAVAILABLE. */
  applications?: ApplicationsService | null;
  /** The certificate register, in the access log's database; absent or null: this subgraph issues no certificates. */
  certificates?: CertificateRegister | null;
  /** Where a certificate says it is verified (CERTIFICATE_VERIFY_URL); the local gateway's by default. */
  certificateVerifyUrl?: string;
  /** NODE_ENV=production: no development seal key is made on first use. */
  production?: boolean;
  /** The credentials the legacy system issued to this subgraph (TAX_LEGACY_API_KEY, SOCIAL_LEGACY_*); development values by default. */
  legacyCredentials?: LegacyCredentials;
}

/** A department's legacy credentials, as its settings give them (core/config/legacySecretSettings.ts). */
export interface LegacyCredentials {
  apiKey?: string;
  username?: string;
  password?: string;
}
