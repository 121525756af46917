import { DateTimeScalar, defineDepartment } from '../kit/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { createPlatformLoaders } from './loaders.js';
import { Accessor } from './resolvers/Accessor.js';
import {
  Application,
  applicationsMutation,
  applicationsQuery,
  ApplicationStep,
  Matter,
  PendingDecision,
} from './resolvers/applications.js';
import { Company } from './resolvers/Company.js';
import { DataAccess } from './resolvers/DataAccess.js';
import { DataAccessPage } from './resolvers/DataAccessPage.js';
import { FieldAccess } from './resolvers/FieldAccess.js';
import { Person } from './resolvers/Person.js';
import { Query } from './resolvers/Query.js';
import { subjects } from './subjects.js';

/** The platform's resolver map: it needs neither a client nor an issuer (its tests build the schema with it). */
export const platformResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { ...Query, ...applicationsQuery },
  Mutation: applicationsMutation,
  Matter,
  Application,
  ApplicationStep,
  PendingDecision,
  Person,
  Company,
  DataAccessPage,
  DataAccess,
  Accessor,
  FieldAccess,
};

/**
 * The city data centre's subgraph: the access log, readable by the people and companies it is
 * about and by privacy officers (privacy/platform.yaml). Reading the log is itself logged. It has
 * no legacy system: it reads the access log the departments write, and answers revocation from
 * the certificate register beside it.
 */
export const platformDepartment = defineDepartment({
  name: 'platform',
  schema: new URL('./schema.graphql', import.meta.url),
  stores: (stores) => stores,
  loaders: ({ accessLog, certificates, applications }) => createPlatformLoaders(accessLog, certificates, applications),
  resolvers: () => platformResolvers,
  subjects,
});
