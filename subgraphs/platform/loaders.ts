import type { AccessLogStore, ApplicationsService, CertificateRegister } from '../kit/index.js';
import type { SubgraphContext } from '../kit/index.js';

/**
 * The platform reads the access log and the certificate register itself, and asks the applications
 * service (null where none is configured); nothing is batched, so its "loaders" are the stores.
 */
export function createPlatformLoaders(
  store: AccessLogStore,
  certificates: CertificateRegister,
  applications: ApplicationsService | null = null,
) {
  return { store, certificates, applications };
}

export type PlatformLoaders = ReturnType<typeof createPlatformLoaders>;
export type PlatformContext = SubgraphContext<PlatformLoaders>;
