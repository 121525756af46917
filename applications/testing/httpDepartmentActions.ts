import type { ActionOutcome, DepartmentActions } from '../engine/DepartmentActions.js';

/**
 * The DepartmentActions port over HTTP to DepartmentStandIn: 200 done, 422 refused, anything
 * else (503, a closed connection, no answer) unavailable, so the engine retries it.
 */
export function httpDepartmentActions(baseUrl: string): DepartmentActions {
  return {
    async perform(department, action, input, idempotencyKey): Promise<ActionOutcome> {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/perform`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ department, action, input, idempotencyKey }),
        });
      } catch {
        return { outcome: 'unavailable', reason: `The ${department} department's system cannot be reached.` };
      }
      const body = (await response.json().catch(() => ({}))) as { output?: Record<string, unknown>; reason?: string };
      if (response.status === 200) return { outcome: 'done', output: body.output ?? {} };
      if (response.status === 422) return { outcome: 'refused', reason: body.reason ?? 'Refused.' };
      return {
        outcome: 'unavailable',
        reason: body.reason ?? `The ${department} department answered ${response.status}.`,
      };
    },
  };
}
