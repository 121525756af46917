import { DateScalar, DecimalScalar, readSchema, startSubgraph, type RunningSubgraph } from '../kit/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { TaxClient } from './legacy/index.js';
import { createTaxLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { Person } from './resolvers/Person.js';
import { TaxProfile } from './resolvers/TaxProfile.js';

export interface TaxSubgraphOptions {
  port?: number;
  host?: string;
  /** The tax bureau's system, e.g. http://127.0.0.1:5002. */
  legacyUrl: string;
  legacyTimeoutMs?: number;
}

const resolvers: Resolvers = { Date: DateScalar, Decimal: DecimalScalar, Company, TaxProfile, Person };

/** The tax bureau's subgraph: Company.tax and Person.incomeTax over the legacy REST system. */
export async function startTaxSubgraph(options: TaxSubgraphOptions): Promise<RunningSubgraph> {
  const client = new TaxClient({ baseUrl: options.legacyUrl, timeoutMs: options.legacyTimeoutMs });
  const running = await startSubgraph({
    department: 'tax',
    typeDefs: readSchema(import.meta.url),
    resolvers,
    createLoaders: () => createTaxLoaders(client),
    port: options.port,
    host: options.host,
  });
  return {
    ...running,
    close: async () => {
      await running.close();
      client.close();
    },
  };
}
