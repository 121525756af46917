/**
 * Fields @apollo/subgraph adds for the gateway: it plans queries and joins entities through
 * them, so they are always allowed and a policy file must not mention them.
 */
export const FEDERATION_FIELDS: ReadonlySet<string> = new Set(['Query._entities', 'Query._service', '_Service.sdl']);

export function isFederationField(typeName: string, fieldName: string): boolean {
  return FEDERATION_FIELDS.has(`${typeName}.${fieldName}`);
}

/** Types @apollo/subgraph adds; they hold only federation fields. */
export function isFederationType(typeName: string): boolean {
  return typeName === '_Service';
}
