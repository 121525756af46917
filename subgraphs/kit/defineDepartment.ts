import type { ApplicationsService } from '../../applications/graph/ApplicationsFrontDesk.js';
import type { AccessLogStore, CertificateRegister } from '../../access-log/index.js';
import type { Department } from '../../core/errors.js';
import type { SubjectResolvers } from '../../policy/index.js';
import type { CertificateIssuer } from './certificates/index.js';
import type { LegacyGuard } from './resilience/index.js';
import type { LegacyCredentials } from './SubgraphSettings.js';

/** What a department's client is built over: its legacy system, guarded, and the credentials it was issued. */
export interface LegacyConnection {
  /** The legacy system's root, e.g. http://127.0.0.1:5002 (<DEPT>_LEGACY_URL). */
  url: string;
  /** Timeouts, retries, circuit breaker and bulkhead around every call, reporting into the subgraph's metrics. */
  guard: LegacyGuard;
  /** TAX_LEGACY_API_KEY, SOCIAL_LEGACY_*: empty fields mean the development values. */
  credentials: LegacyCredentials;
}

/** The shared stores a department without a legacy system reads instead (the platform: the access log). */
export interface DepartmentStores {
  accessLog: AccessLogStore;
  certificates: CertificateRegister;
  /** The one-stop applications' front desk, or null where none is configured (its fields then say so). */
  applications: ApplicationsService | null;
}

/** What a department's resolver map is built from; `certificates` is an issuer only when the definition asks for one. */
export interface ResolverParts<TClient, TCertificates extends boolean> {
  client: TClient;
  certificates: TCertificates extends true ? CertificateIssuer : null;
}

interface DefinitionParts<TClient, TLoaders, TCertificates extends boolean> {
  name: Department;
  /** The department's SDL file: `new URL('./schema.graphql', import.meta.url)`; read when the subgraph starts. */
  schema: URL;
  /** Per-request DataLoaders over the client (built fresh for each request: nothing outlives it). */
  loaders(client: TClient): TLoaders;
  /**
   * The resolver map. Annotate the return type with the department's generated `Resolvers`
   * (`resolvers: (parts): Resolvers => ({ ... })`), so codegen's types check every resolver.
   */
  resolvers(parts: ResolverParts<TClient, TCertificates>): object;
  /** Whose data each type holds, for the privacy policy (subjects.ts). */
  subjects: SubjectResolvers;
  /** True when the department seals certificates (a Mutation issuing them): the kit makes it an issuer. */
  certificates?: TCertificates;
}

/** A department over a legacy system of its own: its client talks to it through the kit's guard. */
export interface LegacyDepartmentDefinition<
  TClient extends Closable,
  TLoaders,
  TCertificates extends boolean = false,
> extends DefinitionParts<TClient, TLoaders, TCertificates> {
  client(legacy: LegacyConnection): TClient;
  stores?: never;
}

/** A department with no legacy system (the platform): its "client" is the shared stores it reads. */
export interface StoreDepartmentDefinition<
  TClient,
  TLoaders,
  TCertificates extends boolean = false,
> extends DefinitionParts<TClient, TLoaders, TCertificates> {
  stores(stores: DepartmentStores): TClient;
  client?: never;
}

/** A client holds connections to its legacy system; the kit closes them when the subgraph stops. */
export interface Closable {
  close(): void;
}

/**
 * Any department's definition, as the module map (registry/departmentModules.ts) and
 * startDepartment hold it: the client and loader types are each department's own business.
 */
export type DepartmentDefinition =
  LegacyDepartmentDefinition<Erased, Erased, boolean> | StoreDepartmentDefinition<Erased, Erased, boolean>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the erased form of each department's own client and loaders
type Erased = any;

/**
 * A department, as data: its name, schema, client, loaders, resolvers and subjects. No side
 * effect happens here (nothing is read, opened or started); `startDepartment` does the wiring
 * every department shares, once.
 */
export function defineDepartment<TClient extends Closable, TLoaders, const TCertificates extends boolean = false>(
  definition: LegacyDepartmentDefinition<TClient, TLoaders, TCertificates>,
): LegacyDepartmentDefinition<TClient, TLoaders, TCertificates>;
export function defineDepartment<TClient, TLoaders, const TCertificates extends boolean = false>(
  definition: StoreDepartmentDefinition<TClient, TLoaders, TCertificates>,
): StoreDepartmentDefinition<TClient, TLoaders, TCertificates>;
export function defineDepartment(definition: DepartmentDefinition): DepartmentDefinition {
  return definition;
}
