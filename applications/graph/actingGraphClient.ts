import { randomUUID } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { signActingToken } from '../../core/identity/actingToken.js';
import type { ActionContext } from '../engine/DepartmentActions.js';

/** What the gateway answered one request, as far as the applications service reads it. */
export type GraphAnswer =
  | { reached: true; status: number; data: Record<string, unknown> | null; errors: GraphErrorBody[] }
  /** The gateway could not be reached or did not answer in time. */
  | { reached: false; reason: string };

export interface GraphErrorBody {
  message: string;
  extensions?: { code?: string; reasonCode?: string; argument?: string };
}

export interface ActingGraphClientOptions {
  /** The gateway's /graphql (APPLICATIONS_GATEWAY_URL); a function when it is known only later (tests). */
  gatewayUrl: string | (() => string);
  /** The applications service's private key (APPLICATIONS_SIGNING_KEY_FILE, or the development key). */
  key: CryptoKey;
  kid?: string;
  /** The gateway's audience (AUTH_AUDIENCE). */
  audience: string;
  /** How long one request may take before it counts as unanswered; 30 s by default. */
  timeoutMs?: number;
}

/** Sends one operation to the gateway as the service acting for someone (ActionContext), under a purpose. */
export type ActingGraphClient = (
  query: string,
  variables: Record<string, unknown>,
  on: ActionContext,
) => Promise<GraphAnswer>;

/**
 * The applications service's only way into the departments: the gateway, like any caller, with a
 * short-lived token it signs for whom it acts (core/identity/actingToken.ts). The gateway checks
 * the token and lets it run only what its matter needs; the departments' privacy rules then
 * decide as for that caller, and the access log records each access as made through the service.
 */
export function createActingGraphClient(options: ActingGraphClientOptions): ActingGraphClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (query, variables, on) => {
    const token = await signActingToken(
      {
        kind: on.as.kind,
        id: on.as.id,
        roles: on.as.roles,
        matter: on.matter,
        application: on.application,
      },
      { key: options.key, ...(options.kid ? { kid: options.kid } : {}), audience: options.audience },
    );
    let response: Response;
    try {
      const url = typeof options.gatewayUrl === 'function' ? options.gatewayUrl() : options.gatewayUrl;
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          // The request id the departments and the access log see: the application's, for matching.
          'x-request-id': `${on.application.slice(0, 40)}.${randomUUID().slice(0, 8)}`,
          ...(on.as.purpose ? { 'x-purpose': on.as.purpose } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return { reached: false, reason: timedOut ? 'the graph did not answer in time' : 'the graph cannot be reached' };
    }
    const body = (await response.json().catch(() => null)) as {
      data?: Record<string, unknown> | null;
      errors?: GraphErrorBody[];
    } | null;
    if (!body) return { reached: false, reason: `the graph answered HTTP ${response.status} without a GraphQL body` };
    return { reached: true, status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  };
}
