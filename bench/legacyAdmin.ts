import type { StatsSnapshot } from '../legacy-mocks/common/index.js';
import { LEGACY_DEPARTMENT_NAMES, type LegacyDepartment } from '../registry/departments.js';
import type { LoadRequest, RunningContender } from './contenders/index.js';
import type { LoadScenario } from './LoadScenario.js';

/** Legacy calls per request, by department (registry/departments.ts) and in total. */
export type LegacyCalls = Record<LegacyDepartment, number> & { total: number };

/** Sequential requests after each window whose legacy calls are counted (exact, unlike a window's tail). */
const PROBE_REQUESTS = 3;
/** Subjects of each scenario whose answers are compared across contenders before measuring. */
const ANSWERS_COMPARED = 3;
/** How long the legacy call counters must stand still before a probe (longer than a 20 ms call's jitter). */
const SETTLE_MS = 150;

export type LegacyAdmin = ReturnType<typeof legacyAdmin>;

/** The stand-ins' admin routes: counters, latency, and waiting for the calls of a window's last requests. */
export function legacyAdmin(legacyUrls: Record<LegacyDepartment, string>) {
  const departments = LEGACY_DEPARTMENT_NAMES.map((name) => [name, legacyUrls[name]] as const);
  return {
    /** Zeroes the counters, then sets the latency (a reset clears the faults too). */
    async reset(latency: { latencyMs: number; jitterMs: number }) {
      await Promise.all(
        departments.map(async ([, url]) => {
          await expectOk(await fetch(`${url}/__admin/reset`, { method: 'POST' }));
          await expectOk(
            await fetch(`${url}/__admin/faults`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ latencyMs: latency.latencyMs, jitterMs: latency.jitterMs }),
            }),
          );
        }),
      );
    },
    /** Waits until the requests still in flight when a window closed have made their last legacy call. */
    async settle() {
      let last = -1;
      for (let round = 0; round < 50; round++) {
        const calls = await this.calls();
        const total = sumOf(calls);
        if (total === last) return;
        last = total;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }
    },
    async calls(): Promise<Record<LegacyDepartment, number>> {
      const entries = await Promise.all(
        departments.map(
          async ([name, url]) =>
            [name, ((await (await fetch(`${url}/__admin/stats`)).json()) as StatsSnapshot).total] as const,
        ),
      );
      return Object.fromEntries(entries) as Record<LegacyDepartment, number>;
    },
  };
}

async function expectOk(response: Response): Promise<void> {
  if (!response.ok) throw new Error(`legacy admin: HTTP ${response.status}`);
  await response.arrayBuffer();
}

/** One request, by default of the first subject (the named fixture). */
export async function send(
  request: LoadRequest,
  subject = 0,
): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const variant = request.variants[subject]!;
  const response = await fetch(request.url, { method: request.method, headers: variant.headers, body: variant.body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

/** Legacy calls per request of the named fixture, counted over PROBE_REQUESTS sequential requests. */
export async function probeLegacyCalls(
  request: LoadRequest,
  legacy: LegacyAdmin,
  latency: { latencyMs: number; jitterMs: number },
): Promise<LegacyCalls> {
  await legacy.settle();
  await legacy.reset(latency);
  for (let index = 0; index < PROBE_REQUESTS; index++) await send(request);
  const calls = await legacy.calls();
  const per = (value: number) => value / PROBE_REQUESTS;
  const byDepartment = Object.fromEntries(LEGACY_DEPARTMENT_NAMES.map((name) => [name, per(calls[name])])) as Record<
    LegacyDepartment,
    number
  >;
  return { ...byDepartment, total: per(sumOf(calls)) };
}

function sumOf(calls: Record<LegacyDepartment, number>): number {
  return LEGACY_DEPARTMENT_NAMES.reduce((total, name) => total + calls[name], 0);
}

/**
 * Every contender must give the same answer as contender 1 (the root field's value, so that
 * `me` and `person(id:)` compare), without errors: otherwise the figures compare different work.
 */
export async function compareAnswers(
  scenarios: LoadScenario[],
  running: Map<number, RunningContender>,
): Promise<string[]> {
  const differences: string[] = [];
  for (const scenario of scenarios) {
    const requests = new Map<number, LoadRequest>();
    for (const [id, process] of running) requests.set(id, await process.requestFor(scenario));
    for (let subject = 0; subject < Math.min(ANSWERS_COMPARED, scenario.subjects.length); subject++) {
      let reference: string | null = null;
      for (const [id, request] of requests) {
        const { status, body } = await send(request, subject);
        const where = `${scenario.name} (subject ${subject + 1}), contender ${id}`;
        if (status !== 200 || body.errors) {
          differences.push(
            `${where}: HTTP ${status}${body.errors ? `, errors ${JSON.stringify(body.errors).slice(0, 200)}` : ''}`,
          );
          continue;
        }
        const answer = canonicalJson(Object.values((body.data ?? {}) as Record<string, unknown>)[0]);
        if (reference === null) reference = answer;
        else if (answer !== reference) differences.push(`${where}: the data differs from contender 1's`);
      }
    }
  }
  return differences;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
