import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import manifest from '../../examples/generated/client/persisted-documents.json';

/** Who is signed in, kept for this browser tab only (sessionStorage). */
export interface Session {
  token: string;
  kind: 'person' | 'company' | 'officer';
  sub: string;
  label: string;
  /** For officers: sent as X-Purpose with every request. */
  purpose: string | null;
  home: string;
}

export interface GraphError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: {
    code?: string;
    department?: string;
    reason?: string;
    field?: string;
    serviceName?: string;
    /** BAD_USER_INPUT: the argument that is wrong, e.g. input.companyName. */
    argument?: string;
  };
}

export interface GraphResult<TData> {
  status: number;
  data: TData | null;
  errors: GraphError[];
}

const documents = manifest as Record<string, string>;

/**
 * Sends one of the portal's trusted documents by its hash alone (Apollo's persisted query
 * extension); the gateway runs the registered text. A gateway without the manifest in force
 * answers PERSISTED_QUERY_NOT_FOUND once per document: the registered text is sent with its hash
 * then, exactly as registered. The portal sends nothing else.
 */
export async function run<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  session: Session | null,
): Promise<GraphResult<TData>> {
  const { hash } = (document as unknown as { __meta__: { hash: string } }).__meta__;
  const definition = document.definitions[0];
  const operationName = definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } };
  const first = await post<TData>({ operationName, variables, extensions }, session);
  if (!first.errors.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) return first;
  return post<TData>({ operationName, variables, extensions, query: documents[hash] }, session);
}

async function post<TData>(body: unknown, session: Session | null): Promise<GraphResult<TData>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (session?.purpose) headers['x-purpose'] = session.purpose;
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    return {
      status: 0,
      data: null,
      errors: [{ message: 'The portal cannot be reached.', extensions: { code: 'NETWORK' } }],
    };
  }
  let parsed: { data?: TData | null; errors?: GraphError[] };
  try {
    parsed = (await response.json()) as typeof parsed;
  } catch {
    parsed = { errors: [{ message: `The graph answered ${response.status}.`, extensions: { code: 'BAD_RESPONSE' } }] };
  }
  return { status: response.status, data: parsed.data ?? null, errors: parsed.errors ?? [] };
}
