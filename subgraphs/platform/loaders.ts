import type { AccessLogStore, CertificateRegister } from '../kit/index.js';
import type { SubgraphContext } from '../kit/index.js';

/** The platform reads the access log and the certificate register itself; nothing is batched, so its "loaders" are the stores. */
export function createPlatformLoaders(store: AccessLogStore, certificates: CertificateRegister) {
  return { store, certificates };
}

export type PlatformLoaders = ReturnType<typeof createPlatformLoaders>;
export type PlatformContext = SubgraphContext<PlatformLoaders>;
