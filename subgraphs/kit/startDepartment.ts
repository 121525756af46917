import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { createCertificateIssuer, type CertificateIssuer } from './certificates/index.js';
import type { DepartmentDefinition } from './defineDepartment.js';
import { guardLegacySystem, type GuardedLegacySystem } from './guardLegacySystem.js';
import { startSubgraph, type RunningSubgraph } from './startSubgraph.js';
import type { SubgraphSettings } from './SubgraphSettings.js';

/**
 * Starts one department's subgraph from its definition: the wiring every department used to
 * write out by hand, done once. Over a legacy system, its client gets the guard (whose metrics
 * and readiness the subgraph reports) and its credentials; without one (the platform), the
 * shared stores. A department that seals certificates gets its issuer. The client's connections
 * close with the subgraph. The same function serves the process entry (subgraphs/main.ts), the
 * test harness and the benchmarks: only the settings differ.
 */
export async function startDepartment(
  definition: DepartmentDefinition,
  settings: SubgraphSettings,
): Promise<RunningSubgraph> {
  const { name } = definition;
  const legacy = definition.client ? guardLegacySystem(name, settings) : null;
  const client = legacy
    ? definition.client!(connectionOf(definition, settings, legacy))
    : storesClient(definition, settings);
  const certificates: CertificateIssuer | null = definition.certificates
    ? createCertificateIssuer({
        department: name,
        register: settings.certificates ?? null,
        verificationUrl: settings.certificateVerifyUrl,
        createDevelopmentKey: !settings.production,
      })
    : null;
  return startSubgraph({
    department: name,
    typeDefs: parse(readFileSync(definition.schema, 'utf8')),
    resolvers: definition.resolvers({ client, certificates }),
    createLoaders: () => definition.loaders(client),
    port: settings.port,
    host: settings.host,
    gatewayKey: settings.gatewayKey,
    logger: settings.logger,
    withoutProtections: settings.withoutProtections,
    subjects: definition.subjects,
    policyFile: settings.policyFile,
    accessLog: settings.accessLog,
    ...(legacy ? { metrics: legacy.metrics, readiness: legacy.readiness } : {}),
    // The legacy client's kept-alive connections; the stores belong to whoever opened them.
    ...(legacy ? { onClose: () => (client as { close(): void }).close() } : {}),
  });
}

function connectionOf(definition: DepartmentDefinition, settings: SubgraphSettings, legacy: GuardedLegacySystem) {
  if (!settings.legacyUrl) throw new Error(`${definition.name} subgraph: no legacy system URL in its settings`);
  return { url: settings.legacyUrl, guard: legacy.guard, credentials: settings.legacyCredentials ?? {} };
}

/** A department without a legacy system reads the access log and the certificate register: both must be open. */
function storesClient(definition: DepartmentDefinition, settings: SubgraphSettings): unknown {
  if (!definition.stores) throw new Error(`${definition.name}: a definition has a client or stores`);
  if (!settings.accessLog || !settings.certificates)
    throw new Error(`${definition.name} subgraph: it reads the access log and the certificate register; open both`);
  return definition.stores({
    accessLog: settings.accessLog,
    certificates: settings.certificates,
    applications: settings.applications ?? null,
  });
}
