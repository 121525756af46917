import type { LoadRequest } from './Contender.js';

/** A GraphQL POST as a portal sends it, with the caller's token when there is one. */
export function graphqlRequest(url: string, query: string, variables: Record<string, unknown>, token: string | null): LoadRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  };
}
