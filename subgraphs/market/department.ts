import { DateScalar, DecimalScalar, defineDepartment } from '../kit/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { MarketClient, RegistryWrites } from './legacy/index.js';
import { createMarketLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { EnterpriseRegistration } from './resolvers/EnterpriseRegistration.js';
import { createMutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { createQuery } from './resolvers/Query.js';
import { Shareholding } from './resolvers/Shareholding.js';
import { subjects } from './subjects.js';

/** The market regulator's subgraph: companies, their representatives and owners, over the SOAP registry. */
export const marketDepartment = defineDepartment({
  name: 'market',
  schema: new URL('./schema.graphql', import.meta.url),
  client: ({ url, guard }) => new MarketClient({ url, guard }),
  loaders: createMarketLoaders,
  resolvers: ({ client, certificates }): Resolvers => ({
    Date: DateScalar,
    Decimal: DecimalScalar,
    Query: createQuery(client),
    Company,
    Shareholding,
    Person,
    EnterpriseRegistration,
    // The registration writes share the client's SOAP transport (one WSDL, one guard, one pool).
    Mutation: createMutation(certificates, new RegistryWrites(client.transport)),
  }),
  subjects,
  certificates: true,
});
