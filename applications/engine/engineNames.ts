/**
 * The names the desk (which submits) and the workers (which run) must agree on. ENGINE_VERSION is
 * DBOS's application version: a worker recovers only workflows of its own version, so every
 * replica runs the same one; change it only with a new workflow shape, and keep a worker of the
 * old version until its applications have ended (docs/applications.md, "Upgrading").
 */
export const ENGINE_NAME = 'city-applications';
export const ENGINE_VERSION = 'applications-1';
export const APPLICATIONS_QUEUE = 'applications';
export const APPLICATION_WORKFLOW = 'carryOutApplication';
export const STEP_WORKFLOW = 'carryOutStep';

/** DBOS's own tables sit beside the applications' tables, in a schema named after theirs. */
export function engineSchemaOf(schema: string): string {
  return `${schema}_engine`;
}
