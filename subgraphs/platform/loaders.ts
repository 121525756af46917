import type { AccessLogStore } from '../kit/index.js';
import type { SubgraphContext } from '../kit/index.js';

/** The platform reads the access log itself; nothing is batched, so its "loaders" are the store. */
export function createPlatformLoaders(store: AccessLogStore) {
  return { store };
}

export type PlatformLoaders = ReturnType<typeof createPlatformLoaders>;
export type PlatformContext = SubgraphContext<PlatformLoaders>;
