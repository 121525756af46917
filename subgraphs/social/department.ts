import { DateScalar, DecimalScalar, defineDepartment, PeriodScalar } from '../kit/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { SocialClient, SocialWrites } from './legacy/index.js';
import { createSocialLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { createWriteMutations } from './resolvers/createWriteMutations.js';
import { createMutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { createQuery } from './resolvers/Query.js';
import { SocialSecurityAccount } from './resolvers/SocialSecurityAccount.js';
import { subjects } from './subjects.js';

/** The social security bureau's subgraph: persons, their insurance accounts, employers' accounts, over SOAP. */
export const socialDepartment = defineDepartment({
  name: 'social',
  schema: new URL('./schema.graphql', import.meta.url),
  client: ({ url, guard, credentials }) =>
    new SocialClient({ url, guard, username: credentials.username, password: credentials.password }),
  loaders: createSocialLoaders,
  resolvers: ({ client, certificates }): Resolvers => {
    // The writes share the client's SOAP transport (one WSDL, one guard, one pool of connections).
    const writes = new SocialWrites(client.transport);
    return {
      Date: DateScalar,
      Decimal: DecimalScalar,
      // Months (core/period.ts): a malformed one is refused before a resolver runs, as the gateway refuses it.
      Period: PeriodScalar,
      Query: createQuery(writes),
      Person,
      SocialSecurityAccount,
      Company,
      Mutation: { ...createMutation(certificates), ...createWriteMutations(writes) },
    };
  },
  subjects,
  certificates: true,
});
