import { graphError } from '../../core/errors.js';
import { applicationIdOf, ApplicationsDesk, type DecideRequest } from '../engine/ApplicationsDesk.js';
import type { Applicant } from '../engine/ApplicationRun.js';
import type { ApplicationView, PendingDecision } from '../engine/ApplicationStore.js';
import type { Matter } from '../matters/Matter.js';
import { prefillQuery, prefillVariables } from '../matters/prefillQuery.js';
import type { ActingGraphClient } from './actingGraphClient.js';

export interface ApplicationsFrontDeskOptions {
  /** Where the applications' PostgreSQL is; asked on each opening attempt (the embedded one writes its password on first start). */
  databaseUrl(): string;
  /** The applications' tables' schema (APPLICATIONS_SCHEMA). */
  schema: string;
  matters: readonly Matter[];
  /** The service's way into the graph, for pre-filling as the applicant. */
  graph: ActingGraphClient;
  now?: () => Date;
}

/** One value of a matter's form the departments already know, for whom it is about. */
export interface PrefilledValue {
  label: string;
  value: string | null;
}

/** What the platform subgraph's applications fields call (subgraphs/platform): the front desk of the service. */
export interface ApplicationsService {
  matters(): readonly Matter[];
  matter(name: string): Matter | null;
  prefill(applicant: Applicant, matter: string): Promise<PrefilledValue[]>;
  apply(request: {
    matter: string;
    applicant: Applicant;
    input: Record<string, string>;
    idempotencyKey: string;
  }): Promise<ApplicationView>;
  decide(request: DecideRequest): Promise<ApplicationView>;
  find(applicationId: string): Promise<ApplicationView | null>;
  applicationsOf(applicant: Applicant, limit: number): Promise<ApplicationView[]>;
  pendingDecisions(department: string, roles: readonly string[], limit: number): Promise<PendingDecision[]>;
  /** The role and purpose that decide a step of a matter, or null when no officer decides it. */
  deciderOf(matter: string, step: string): { role: string; purpose: string } | null;
  close(): Promise<void>;
}

/** How long after a failed opening (the database not up yet) the next request tries again. */
const REOPEN_AFTER_MS = 1_000;

/**
 * The applications service as the graph meets it: the catalogue, pre-filling from the graph as
 * the applicant under the matter's purpose (so each read is in their access log), and the desk
 * that writes applications and hands decisions to the engine. The desk opens on first use, not
 * at start: the platform subgraph answers its other fields while the applications' database is
 * still starting or down, and these fields say APPLICATIONS_UNAVAILABLE meanwhile.
 */
export function createApplicationsFrontDesk(options: ApplicationsFrontDeskOptions): ApplicationsService {
  const byName = new Map(options.matters.map((matter) => [matter.name, matter]));
  const now = options.now ?? (() => new Date());
  let opening: Promise<ApplicationsDesk> | null = null;
  let failedAt = 0;

  const desk = async (): Promise<ApplicationsDesk> => {
    if (!opening) {
      if (Date.now() - failedAt < REOPEN_AFTER_MS) throw unavailable();
      opening = Promise.resolve().then(() =>
        ApplicationsDesk.open({
          databaseUrl: options.databaseUrl(),
          schema: options.schema,
          matters: options.matters,
          now,
        }),
      );
      opening.catch(() => {
        opening = null;
        failedAt = Date.now();
      });
    }
    return opening.catch(() => {
      throw unavailable();
    });
  };

  /** The matter's `prefill.me`, read now from the graph as the applicant; null when it pre-fills nothing. */
  const readPrefill = async (applicant: Applicant, matter: Matter, application: string) => {
    if (!matter.prefill) return null;
    const answer = await options.graph(prefillQuery(matter.prefill.me), prefillVariables(matter.prefill.me, now()), {
      as: {
        kind: applicant.kind === 'company' ? 'company' : 'person',
        id: applicant.id,
        roles: [],
        purpose: matter.prefill.purpose,
      },
      matter: matter.name,
      application,
    });
    const down = !answer.reached
      ? 'the graph'
      : answer.errors.find((error) => error.extensions?.code === 'DEPARTMENT_UNAVAILABLE');
    if (down)
      throw graphError(
        'DEPARTMENT_UNAVAILABLE',
        `What ${typeof down === 'string' ? down : 'a department'} already knows for this form cannot be read right now; nothing was applied for. Try again later with the same idempotencyKey.`,
        typeof down === 'string' ? {} : { department: (down.extensions as { department?: string }).department },
      );
    return ((answer.reached ? answer.data?.me : null) as Record<string, unknown> | null) ?? {};
  };

  const matterNamed = (name: string) => byName.get(name) ?? null;

  return {
    matters: () => options.matters,
    matter: matterNamed,
    async prefill(applicant, name) {
      const matter = matterNamed(name);
      if (!matter) return [];
      const values = await readPrefill(applicant, matter, 'prefill');
      return Object.entries(matter.prefill?.labels ?? {}).map(([path, label]) => ({
        label,
        value: shown(valueAt(values ?? {}, path)),
      }));
    },
    async apply(request) {
      const opened = await desk();
      // Asked again with the same key: the first application, without reading anything again.
      const known = await opened.find(applicationIdOf(request.applicant, request.idempotencyKey));
      if (known) return known;
      const matter = matterNamed(request.matter);
      const prefilled = matter
        ? await readPrefill(request.applicant, matter, applicationIdOf(request.applicant, request.idempotencyKey))
        : null;
      return opened.apply({ ...request, ...(prefilled ? { prefilled } : {}) });
    },
    async decide(request) {
      const opened = await desk();
      await opened.decide(request);
      return (await opened.find(request.applicationId))!;
    },
    find: async (id) => (await desk()).find(id),
    applicationsOf: async (applicant, limit) => (await desk()).applicationsOf(applicant, limit),
    pendingDecisions: async (department, roles, limit) => (await desk()).pendingDecisions(department, roles, limit),
    deciderOf(matter, step) {
      const decidedBy = byName.get(matter)?.steps[step]?.decidedBy;
      return decidedBy ? { role: decidedBy.role, purpose: decidedBy.purpose } : null;
    },
    async close() {
      const opened = await opening?.catch(() => null);
      await opened?.close();
    },
  };
}

function unavailable() {
  return graphError(
    'APPLICATIONS_UNAVAILABLE',
    'Applications cannot be taken or read right now (their database cannot be reached); nothing was applied for. Try again later with the same idempotencyKey.',
  );
}

/** A path under `me` (`count(a.b)` for a list's length), as matters' prefill.labels name them. */
function valueAt(values: Record<string, unknown>, path: string): unknown {
  const counted = /^count\((.+)\)$/.exec(path);
  let value: unknown = values;
  for (const key of (counted ? counted[1]! : path).split('.'))
    value =
      value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  if (counted) return Array.isArray(value) ? value.length : null;
  return value;
}

function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
