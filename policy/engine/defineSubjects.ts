import type { SubjectEntry, SubjectResolvers } from './types.js';

/** The type names of a generated parent-types map, without the index signature codegen adds. */
type KnownKeys<T> = Extract<keyof { [K in keyof T as string extends K ? never : K]: T[K] }, string>;

/**
 * A department's subject entries, each typed by its GraphQL type's parent (the generated
 * `ResolversParentTypes`, which map to the adapter's records): `Company` gets a CompanyRecord,
 * and a "Company.legalRepresentative" entry refines one field of it. No casts.
 */
export type TypedSubjects<TParents> = { [K in KnownKeys<TParents>]?: SubjectEntry<TParents[K]> } & {
  [K in KnownKeys<TParents> as `${K}.${string}`]?: SubjectEntry<TParents[K]>;
};

/**
 * Declares whose data each of a department's types holds (subgraphs/<dept>/subjects.ts), checked
 * against its generated parent types. The engine compares callers with these subjects (`self`,
 * `companySelf`) and records each access under them; `policy:check` fails when a type with
 * protected fields has none.
 */
export function defineSubjects<TParents>(entries: TypedSubjects<TParents>): SubjectResolvers {
  return entries as unknown as SubjectResolvers;
}
