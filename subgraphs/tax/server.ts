import { DateScalar, DecimalScalar, readSchema, startSubgraph, type RunningSubgraph, type SubgraphSettings } from '../kit/index.js';
import { createLegacyGuard } from '../kit/resilience/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { taxSubjects } from './subjects.js';
import { TaxClient } from './legacy/index.js';
import { createTaxLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { Person } from './resolvers/Person.js';
import { TaxProfile } from './resolvers/TaxProfile.js';

export type TaxSubgraphOptions = SubgraphSettings;

const resolvers: Resolvers = { Date: DateScalar, Decimal: DecimalScalar, Company, TaxProfile, Person };

/** The tax bureau's subgraph: Company.tax and Person.incomeTax over the legacy REST system. */
export async function startTaxSubgraph(options: TaxSubgraphOptions): Promise<RunningSubgraph> {
  const client = new TaxClient({ baseUrl: options.legacyUrl, guard: createLegacyGuard('tax', { sharedTimeoutMs: options.legacyTimeoutMs, ...options.legacyGuard }) });
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
    subjects: taxSubjects,
    policyFile: options.policyFile,
    accessLog: options.accessLog,
    onClose: () => client.close(),
  });
}
