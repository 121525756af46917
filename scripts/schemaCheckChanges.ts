import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, type Source } from 'graphql';

export type SchemaChangeLevel = 'BREAKING' | 'DANGEROUS';

/** A change a portal can notice; safe additions are left out, they need nobody's attention. */
export interface SchemaChange {
  level: SchemaChangeLevel;
  /** Schema coordinate the change is at, e.g. `TaxProfile.creditRating`: what a changelog entry names. */
  coordinate: string;
  /** graphql-inspector's sentence, e.g. "Field 'creditRating' was removed from object type 'TaxProfile'". */
  message: string;
}

const LEVEL_OF: Partial<Record<CriticalityLevel, SchemaChangeLevel>> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
};

/**
 * The breaking and dangerous changes from the committed public API schema to the new one, as
 * graphql-inspector classifies them (breaking: a query that worked fails; dangerous: it still runs
 * but may behave differently, e.g. a new enum value). Both are built from SDL the same way, so only
 * differences in the graph show up, never differences in how a schema object was made.
 */
export async function findSchemaChanges(committed: Source, next: Source): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(committed), buildSchema(next));
  return changes.flatMap((change) => {
    const level = LEVEL_OF[change.criticality.level];
    // A change without a path is about the schema itself (e.g. its query type); it has no coordinate.
    return level === undefined ? [] : [{ level, coordinate: change.path ?? 'schema', message: change.message }];
  });
}
