import {
  DateTimeScalar,
  readSchema,
  startSubgraph,
  type AccessLogStore,
  type CertificateRegister,
  type RunningSubgraph,
  type SubgraphSettings,
} from '../kit/index.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { createPlatformLoaders } from './loaders.js';
import { Accessor } from './resolvers/Accessor.js';
import { Company } from './resolvers/Company.js';
import { DataAccess } from './resolvers/DataAccess.js';
import { DataAccessPage } from './resolvers/DataAccessPage.js';
import { FieldAccess } from './resolvers/FieldAccess.js';
import { Person } from './resolvers/Person.js';
import { Query } from './resolvers/Query.js';
import { subjects } from './subjects.js';

/**
 * The platform has no legacy system: it reads the access log the departments write, and answers
 * revocation from the certificate register beside it.
 */
export type PlatformSubgraphOptions = Omit<
  SubgraphSettings,
  'legacyUrl' | 'legacyTimeoutMs' | 'accessLog' | 'certificates'
> & {
  accessLog: AccessLogStore;
  certificates: CertificateRegister;
};

const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Person,
  Company,
  DataAccessPage,
  DataAccess,
  Accessor,
  FieldAccess,
};

/**
 * The city data centre's subgraph: the access log, readable by the people and companies it is
 * about and by privacy officers (privacy/platform.yaml). Reading the log is itself logged.
 */
export async function startPlatformSubgraph(options: PlatformSubgraphOptions): Promise<RunningSubgraph> {
  return startSubgraph({
    department: 'platform',
    typeDefs: readSchema(import.meta.url),
    resolvers,
    createLoaders: () => createPlatformLoaders(options.accessLog, options.certificates),
    port: options.port,
    host: options.host,
    gatewayKey: options.gatewayKey,
    logger: options.logger,
    withoutProtections: options.withoutProtections,
    subjects,
    policyFile: options.policyFile,
    accessLog: options.accessLog,
  });
}
