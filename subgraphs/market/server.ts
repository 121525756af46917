import {
  createCertificateIssuer,
  DateScalar,
  DecimalScalar,
  guardLegacySystem,
  readSchema,
  startSubgraph,
  type RunningSubgraph,
  type SubgraphSettings,
} from '../kit/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { subjects } from './subjects.js';
import { MarketClient } from './legacy/index.js';
import { createMarketLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { createMutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { createQuery } from './resolvers/Query.js';
import { Shareholding } from './resolvers/Shareholding.js';

export type MarketSubgraphOptions = SubgraphSettings;

/** The market regulator's subgraph: companies, their representatives and owners, over the SOAP registry. */
export async function startMarketSubgraph(options: MarketSubgraphOptions): Promise<RunningSubgraph> {
  const legacy = guardLegacySystem('market', options);
  const client = new MarketClient({ url: options.legacyUrl, guard: legacy.guard });
  const certificates = createCertificateIssuer({
    department: 'market',
    register: options.certificates ?? null,
    verificationUrl: options.certificateVerifyUrl,
    createDevelopmentKey: !options.production,
  });
  const resolvers: Resolvers = {
    Date: DateScalar,
    Decimal: DecimalScalar,
    Query: createQuery(client),
    Company,
    Shareholding,
    Person,
    Mutation: createMutation(certificates),
  };
  return startSubgraph({
    department: 'market',
    typeDefs: readSchema(import.meta.url),
    resolvers,
    createLoaders: () => createMarketLoaders(client),
    port: options.port,
    host: options.host,
    gatewayKey: options.gatewayKey,
    logger: options.logger,
    withoutProtections: options.withoutProtections,
    subjects,
    policyFile: options.policyFile,
    accessLog: options.accessLog,
    metrics: legacy.metrics,
    readiness: legacy.readiness,
    onClose: () => client.close(),
  });
}
