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
import { SocialClient } from './legacy/index.js';
import { createSocialLoaders } from './loaders.js';
import { Company } from './resolvers/Company.js';
import { createMutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { Query } from './resolvers/Query.js';
import { SocialSecurityAccount } from './resolvers/SocialSecurityAccount.js';

export type SocialSubgraphOptions = SubgraphSettings;

/** The social security bureau's subgraph: persons, their insurance accounts, employers' accounts, over SOAP. */
export async function startSocialSubgraph(options: SocialSubgraphOptions): Promise<RunningSubgraph> {
  const legacy = guardLegacySystem('social', options);
  const client = new SocialClient({
    url: options.legacyUrl,
    guard: legacy.guard,
    username: options.legacyCredentials?.username,
    password: options.legacyCredentials?.password,
  });
  const certificates = createCertificateIssuer({
    department: 'social',
    register: options.certificates ?? null,
    verificationUrl: options.certificateVerifyUrl,
    createDevelopmentKey: !options.production,
  });
  const resolvers: Resolvers = {
    Date: DateScalar,
    Decimal: DecimalScalar,
    Query,
    Person,
    SocialSecurityAccount,
    Company,
    Mutation: createMutation(certificates),
  };
  return startSubgraph({
    department: 'social',
    typeDefs: readSchema(import.meta.url),
    resolvers,
    createLoaders: () => createSocialLoaders(client),
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
