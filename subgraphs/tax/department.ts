import { DateScalar, DecimalScalar, defineDepartment } from '../kit/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { TaxClient } from './legacy/index.js';
import { createTaxLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { createMutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { TaxpayerRegistration } from './resolvers/TaxpayerRegistration.js';
import { TaxProfile } from './resolvers/TaxProfile.js';
import { subjects } from './subjects.js';

/** The tax bureau's subgraph: Company.tax and Person.incomeTax over the legacy REST system. */
export const taxDepartment = defineDepartment({
  name: 'tax',
  schema: new URL('./schema.graphql', import.meta.url),
  client: ({ url, guard, credentials }) => new TaxClient({ baseUrl: url, guard, apiKey: credentials.apiKey }),
  loaders: createTaxLoaders,
  resolvers: ({ client, certificates }): Resolvers => ({
    Date: DateScalar,
    Decimal: DecimalScalar,
    Company,
    TaxProfile,
    Person,
    TaxpayerRegistration,
    Mutation: createMutation(certificates, client),
  }),
  subjects,
  certificates: true,
});
