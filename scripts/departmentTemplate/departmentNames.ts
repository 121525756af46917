/** The spellings of one department's name that the scaffold writes: `housing`, `Housing`, `HOUSING`. */
export interface DepartmentNames {
  name: string;
  Name: string;
  NAME: string;
}

/** Lower-case ASCII letters only: the name becomes a folder, an npm script, a GraphQL field and an environment prefix. */
const NAME_PATTERN = /^[a-z]{2,20}$/;

/**
 * The name's spellings, or an error saying what a valid name looks like. Whether it is taken is
 * the scaffold's check (the registry and the folders), not this one's.
 */
export function toDepartmentNames(raw: string | undefined): DepartmentNames {
  if (raw === undefined || !NAME_PATTERN.test(raw)) {
    throw new Error(
      `a department name is 2 to 20 lower-case letters (a-z), e.g. housing; got ${JSON.stringify(raw ?? '')}`,
    );
  }
  return { name: raw, Name: raw[0]!.toUpperCase() + raw.slice(1), NAME: raw.toUpperCase() };
}

/** Replaces `__name__`, `__Name__` and `__NAME__` in a template's text or path. */
export function fillTemplate(template: string, names: DepartmentNames): string {
  return template
    .replaceAll('__name__', names.name)
    .replaceAll('__Name__', names.Name)
    .replaceAll('__NAME__', names.NAME);
}
