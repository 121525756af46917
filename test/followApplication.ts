import type { CallerClaims, Stack } from './harness.js';

/** An application as the tests read it through the graph. */
export interface FollowedApplication {
  id: string;
  status: string;
  reason: string | null;
  applicant: string;
  officerTasks: string[];
  steps: Array<{
    name: string;
    department: string;
    status: string;
    reason: string | null;
    outputs: Array<{ name: string; value: string }>;
  }>;
  answers: Array<{ name: string; value: string }>;
}

export const APPLICATION_FIELDS = `id status reason applicant officerTasks
  steps { name department status reason outputs { name value } } answers { name value }`;
const FOLLOW = `query Follow($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;

/** One application, read through the gateway as `as`; null when the graph gives it no such application. */
export async function followApplication(stack: Stack, id: string, as: CallerClaims) {
  const answer = await stack.query<{ application: FollowedApplication | null }, Record<string, unknown>>(
    FOLLOW,
    { id },
    { as },
  );
  return answer.data?.application ?? null;
}

/** Reads the application again until `done` holds (the engine works on its own), at most `withinMs`. */
export async function untilApplication(
  stack: Stack,
  id: string,
  as: CallerClaims,
  done: (application: FollowedApplication) => boolean,
  withinMs = 45_000,
): Promise<FollowedApplication> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const application = await followApplication(stack, id, as);
    if (application && done(application)) return application;
    if (Date.now() > deadline) throw new Error(`application ${id} is still ${JSON.stringify(application)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
