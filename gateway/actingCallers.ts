import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import { readMatterFile } from '../applications/matters/readMatterFile.js';
import { APPLICATIONS_KEY_NAME, ensureDevKeyPair, graphError, readJwk, type Caller } from '../core/index.js';

/**
 * What the applications service may do through this gateway, matter by matter: the root fields
 * of each matter's steps and undos (its departments' mutations) and `me` where it pre-fills. An
 * acting token names its matter; an operation with any other root field is FORBIDDEN, so the
 * service's key opens exactly what the matters under matters/ need, and nothing else.
 */
export type ActingScopes = ReadonlyMap<string, ReadonlySet<string>>;

/** How the gateway checks the applications service's tokens (gateway/auth.ts). */
export interface ActingCallerOptions {
  /** The service's public key(s) (APPLICATIONS_PUBLIC_KEY_FILE, or the development key). */
  keys: JWTVerifyGetKey;
  scopes: ActingScopes;
}

/** The root fields each matter file under `folder` needs; a file that does not read is left out (matters:check says why). */
export function readActingScopes(folder: string): ActingScopes {
  const scopes = new Map<string, ReadonlySet<string>>();
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return scopes;
  }
  for (const file of files) {
    const result = readMatterFile(join(folder, file));
    if (!result.ok) continue;
    const fields = new Set<string>();
    for (const step of Object.values(result.matter.steps)) {
      fields.add(step.action);
      if (step.undo) fields.add(step.undo.action);
    }
    if (result.matter.prefill) fields.add('me');
    scopes.set(result.matter.name, fields);
  }
  return scopes;
}

/** The service's public key: the file given (a JWK or a JWK set), else the development key under data/keys. */
export async function actingKeys(publicKeyFile: string | undefined): Promise<JWTVerifyGetKey> {
  const file = publicKeyFile ?? (await ensureDevKeyPair(APPLICATIONS_KEY_NAME)).publicFile;
  const jwk = readJwk(file) as { keys?: unknown[] };
  return createLocalJWKSet(Array.isArray(jwk.keys) ? (jwk as never) : { keys: [jwk as never] });
}

/**
 * Refuses an acting caller's operation that reaches beyond its matter (ActingScopes), before
 * anything runs: FORBIDDEN, naming the fields. Other callers pass untouched.
 */
export function limitActingCallers<TContext extends BaseContext & { caller: Caller }>(
  scopes: ActingScopes,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const acting = contextValue.caller.kind === 'anonymous' ? undefined : contextValue.caller.acting;
      if (!acting) return;
      return {
        async didResolveOperation({ operation }) {
          const allowed = scopes.get(acting.matter) ?? new Set<string>();
          const beyond = rootFieldsOf(operation).filter((field) => !allowed.has(field));
          if (beyond.length > 0)
            throw graphError(
              'FORBIDDEN',
              `The applications service acts for the matter ${acting.matter} only: ${beyond.join(', ')} is not one of its steps.`,
            );
        },
      };
    },
  };
}

function rootFieldsOf(operation: OperationDefinitionNode | null | undefined): string[] {
  if (!operation) return [];
  const fields = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    // Fragments at the root would hide fields: the service never sends one, so any is refused.
    if (selection.kind !== Kind.FIELD) fields.add('(a fragment)');
    else if (selection.name.value !== '__typename') fields.add(selection.name.value);
  }
  return [...fields];
}
