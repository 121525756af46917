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
import { TaxClient } from './legacy/index.js';
import { createTaxLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { createMutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { TaxProfile } from './resolvers/TaxProfile.js';

export type TaxSubgraphOptions = SubgraphSettings;

/** The tax bureau's subgraph: Company.tax and Person.incomeTax over the legacy REST system. */
export async function startTaxSubgraph(options: TaxSubgraphOptions): Promise<RunningSubgraph> {
  const legacy = guardLegacySystem('tax', options);
  const client = new TaxClient({
    baseUrl: options.legacyUrl,
    guard: legacy.guard,
    apiKey: options.legacyCredentials?.apiKey,
  });
  const certificates = createCertificateIssuer({
    department: 'tax',
    register: options.certificates ?? null,
    verificationUrl: options.certificateVerifyUrl,
    createDevelopmentKey: !options.production,
  });
  const resolvers: Resolvers = {
    Date: DateScalar,
    Decimal: DecimalScalar,
    Company,
    TaxProfile,
    Person,
    Mutation: createMutation(certificates),
  };
  return startSubgraph({
    department: 'tax',
    typeDefs: readSchema(import.meta.url),
    resolvers,
    createLoaders: () => createTaxLoaders(client),
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
