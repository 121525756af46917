import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { parse } from 'graphql';
import { graphError, type Caller } from '../core/index.js';

/**
 * The portal's trusted documents: the operations the portal's front-ends were built with,
 * compiled by `npm run codegen` (the client preset's persisted documents) into a manifest of
 * `"sha256:<hex>": "<document>"`, committed at examples/generated/client/persisted-documents.json.
 */
export interface TrustedDocuments {
  /** Hex sha256 (without the `sha256:` prefix) to the registered document. */
  documents: ReadonlyMap<string, string>;
  /** The `azp` claims of the registered portal applications: their tokens may send only registered documents. */
  portalApplications: ReadonlySet<string>;
}

/** The manifest the codegen client preset writes, relative to the repository root. */
export const TRUSTED_DOCUMENTS_MANIFEST = 'examples/generated/client/persisted-documents.json';

/**
 * Reads a manifest: a JSON object of `"sha256:<hex>"` (or a bare hex hash) to a document. Every
 * hash must be the sha256 of its document, so a hand edit cannot register one text under another's hash.
 */
export function readTrustedDocuments(file: string, portalApplications: Iterable<string>): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS_FILE ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`TRUSTED_DOCUMENTS_FILE ${file}: expected an object of "sha256:<hash>": "<document>"`);
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(parsed)) {
    const hash = key.replace(/^sha256:/, '');
    if (typeof document !== 'string' || sha256(document) !== hash)
      throw new Error(`TRUSTED_DOCUMENTS_FILE ${file}: the entry ${key} is not the sha256 of its document`);
    documents.set(hash, document);
  }
  return { documents, portalApplications: new Set(portalApplications) };
}

/** Where the trusted documents are and who must use them, as the settings give them (not yet read). */
export interface TrustedDocumentsSetting {
  file: string;
  portalApplications: string[];
}

/**
 * From the given variables: `TRUSTED_DOCUMENTS_FILE` (the manifest) and `PORTAL_APPLICATIONS` (the
 * portal applications' `azp` values, comma-separated). Null when no manifest is configured;
 * portal applications without a manifest are a configuration error (they could send nothing).
 * readGatewayConfig (gateway/gatewayConfig.ts) reads them once; gateway/main.ts reads the file.
 */
export function trustedDocumentsSetting(
  env: Readonly<Record<string, string | undefined>>,
): TrustedDocumentsSetting | null {
  const applications = (env.PORTAL_APPLICATIONS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!env.TRUSTED_DOCUMENTS_FILE) {
    if (applications.length > 0)
      throw new Error('PORTAL_APPLICATIONS is set but TRUSTED_DOCUMENTS_FILE is not: set the manifest to enforce.');
    return null;
  }
  return { file: resolve(env.TRUSTED_DOCUMENTS_FILE), portalApplications: applications };
}

/** The setting's manifest, read and checked (readTrustedDocuments); null for none. */
export function loadTrustedDocuments(setting: TrustedDocumentsSetting | null): TrustedDocuments | null {
  return setting && readTrustedDocuments(setting.file, setting.portalApplications);
}

/** The trusted documents the given variables name, read (the two steps above at once). */
export function trustedDocumentsFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): TrustedDocuments | null {
  return loadTrustedDocuments(trustedDocumentsSetting(env));
}

/**
 * With a manifest in force: a request naming a registered hash in `extensions.persistedQuery.sha256Hash`
 * (Apollo's format; no `query` needed) runs the registered document, whoever sends it. A caller whose
 * token's `azp` is a registered portal application may run only registered documents: by hash, or
 * as a full document whose normalised text (printed as the codegen client preset prints it) is
 * registered; anything else is refused with TRUSTED_DOCUMENT_REQUIRED (400) before it is planned.
 * Integrators, officers' tools without a portal azp and anonymous callers keep ad-hoc queries,
 * under every other limit.
 */
export function requireTrustedDocuments<TContext extends { caller: Caller }>(
  trusted: TrustedDocuments,
): ApolloServerPlugin<TContext> {
  // The request's refusal, decided before Apollo reads the source; thrown once an operation is resolved.
  const refused = new WeakSet<GraphQLRequest>();
  return {
    async requestDidStart({ request, contextValue }) {
      const persisted = persistedHashOf(request);
      const portal = fromPortalApplication(contextValue.caller, trusted);
      const registered =
        persisted !== undefined ? trusted.documents.get(persisted) : portal ? registeredText(request.query) : undefined;
      if (registered !== undefined) {
        // Run exactly the registered text; Apollo's own APQ cache is not involved.
        request.query = registered;
        if (request.extensions) delete request.extensions.persistedQuery;
      } else if (portal) {
        // Nothing of the sender's document is parsed, planned or run: a one-field stand-in carries the refusal.
        refused.add(request);
        request.query = '{ __typename }';
        request.operationName = undefined;
        request.variables = {};
        if (request.extensions) delete request.extensions.persistedQuery;
      }
      return {
        async didResolveOperation() {
          if (!refused.has(request)) return;
          throw graphError(
            'TRUSTED_DOCUMENT_REQUIRED',
            'This portal application may send only its registered operations (trusted documents): send the hash of a registered one in extensions.persistedQuery.sha256Hash.',
            { http: { status: 400 } },
          );
        },
      };
    },
  };

  function registeredText(query: string | undefined): string | undefined {
    if (typeof query !== 'string') return undefined;
    const exact = trusted.documents.get(sha256(query));
    if (exact !== undefined) return exact;
    try {
      return trusted.documents.get(sha256(printExecutableGraphQLDocument(parse(query, { maxTokens: 2_000 }))));
    } catch {
      // Not parseable here: not registered. Apollo's own parse reports the syntax error to others.
      return undefined;
    }
  }
}

function persistedHashOf(request: GraphQLRequest): string | undefined {
  const persisted = (request.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash.replace(/^sha256:/, '') : undefined;
}

function fromPortalApplication(caller: Caller, trusted: TrustedDocuments): boolean {
  return caller.kind !== 'anonymous' && caller.azp !== null && trusted.portalApplications.has(caller.azp);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
