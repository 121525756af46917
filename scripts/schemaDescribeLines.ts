import { resolve } from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type StringValueNode,
} from 'graphql';
import type { Department } from '../core/errors.js';
import {
  checkPolicies,
  explainPolicy,
  type CallerProfile,
  type ExplainedCell,
  type ExplainedField,
  type PolicyCheck,
} from '../policy/index.js';
import { policyDepartments } from './departmentSubjects.js';

/** The first words of the generated line in a field's description: `npm run schema:describe` owns that line. */
export const VISIBILITY_PREFIX = 'Who may see it:';

/** What `npm run schema:describe` writes into one department's subgraph schema: a line per governed field. */
export interface DepartmentVisibility {
  department: Department;
  /** Relative to the repository root, e.g. subgraphs/tax/schema.graphql. */
  schemaFile: string;
  /** `Type.field` to its `Who may see it: ...` line. */
  lines: Map<string, string>;
}

export type VisibilityResult = { ok: true; departments: DepartmentVisibility[] } | { ok: false; problems: string[] };

/**
 * The visibility line of every governed field of every department, computed by the privacy
 * engine (checkPolicies loads the files as the subgraphs do; explainPolicy asks each compiled
 * policy's own decide for each caller profile), so the schema cannot say something the policy
 * does not do. Reads PRIVACY_DIR as policy:check does. Refuses policy files that fail the check.
 */
export async function visibilityLines(root?: string): Promise<VisibilityResult> {
  const departments = policyDepartments();
  const check: PolicyCheck = checkPolicies({
    departments,
    ...(root ? { root } : {}),
    ...(process.env.PRIVACY_DIR ? { policyFolder: resolve(process.env.PRIVACY_DIR) } : {}),
  });
  if (!check.ok || !check.registry) {
    return {
      ok: false,
      problems: check.files.flatMap(({ problems }) =>
        problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`),
      ),
    };
  }
  const explanation = explainPolicy({ registry: check.registry, departments: check.policies });
  return {
    ok: true,
    departments: explanation.departments.map(({ department, fields }) => ({
      department,
      schemaFile: departments.find((entry) => entry.name === department)!.schemaFile,
      lines: new Map(
        fields.map((field) => [`${field.typeName}.${field.fieldName}`, visibilityLine(field, explanation.profiles)]),
      ),
    })),
  };
}

/**
 * One sentence for a portal developer, from the explanation's cells: who gets the field, and
 * what everyone else gets. E.g. `Who may see it: the company it is about; a tax-officer stating
 * the purpose tax-audit or taxpayer-service. Anyone else gets null with a FORBIDDEN error.`
 */
export function visibilityLine(field: ExplainedField, profiles: readonly CallerProfile[]): string {
  if (!field.protected) return `${VISIBILITY_PREFIX} anyone, signed in or not (public).`;
  const cell = (id: string) => field.cells[profiles.findIndex((profile) => profile.id === id)];
  const gets = (id: string) => {
    const found = cell(id);
    return found !== undefined && found.decision.effect !== 'deny';
  };
  const officerRoles = [...new Set(profiles.flatMap((profile) => (profile.role ? [profile.role] : [])))];
  const parts: string[] = [];
  const everyoneSignedIn =
    gets('citizen-other') &&
    gets('company-other') &&
    officerRoles.every((role) => cell(`officer:${role}:no-purpose`)?.decision.effect === 'allow') &&
    ['citizen-other', 'company-other'].every((id) => cell(id)?.decision.effect === 'allow');
  if (gets('anonymous')) parts.push(`anyone, signed in or not${maskNote(cell('anonymous'))}`);
  else if (everyoneSignedIn) parts.push('anyone signed in (a resident, a company or an officer)');
  else {
    const residents = party(
      cell('citizen-own'),
      cell('citizen-other'),
      'the resident it is about',
      'any signed-in resident',
    );
    const companies = party(
      cell('company-own'),
      cell('company-other'),
      'the company it is about',
      'any signed-in company',
    );
    if (residents === 'the resident it is about' && companies === 'the company it is about')
      parts.push('the resident or company it is about');
    else parts.push(...[residents, companies].filter((part): part is string => part !== null));
    for (const role of officerRoles) {
      const withoutPurpose = cell(`officer:${role}:no-purpose`);
      const withPurpose = cell(`officer:${role}`);
      if (withoutPurpose && withoutPurpose.decision.effect !== 'deny')
        parts.push(`a ${role}${maskNote(withoutPurpose)}`);
      else if (withPurpose && withPurpose.decision.effect !== 'deny')
        parts.push(`a ${role} stating the purpose ${orList(withPurpose.purposes ?? [])}${maskNote(withPurpose)}`);
    }
  }
  if (parts.length === 0)
    return `${VISIBILITY_PREFIX} nobody through the graph: it is always null with a FORBIDDEN error.`;
  return `${VISIBILITY_PREFIX} ${parts.join('; ')}. Anyone else gets null with a FORBIDDEN error.`;
}

function party(
  own: ExplainedCell | undefined,
  other: ExplainedCell | undefined,
  ownText: string,
  anyText: string,
): string | null {
  const ownGets = own !== undefined && own.decision.effect !== 'deny';
  const otherGets = other !== undefined && other.decision.effect !== 'deny';
  if (ownGets && otherGets) return `${anyText}${maskNote(other)}`;
  if (ownGets) return `${ownText}${maskNote(own)}`;
  if (otherGets) return `${anyText} but the one it is about${maskNote(other)}`;
  return null;
}

function maskNote(cell: ExplainedCell | undefined): string {
  return cell?.decision.effect === 'mask' ? `, masked (${cell.decision.style})` : '';
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * The subgraph SDL with each listed field's description ending in its visibility line (an old
 * line replaced, a missing one added; a field without a description gets the line alone), every
 * other character as it was. Descriptions it touches are written as block strings.
 */
export function rewriteVisibility(sdl: string, lines: ReadonlyMap<string, string>): string {
  const document: DocumentNode = parse(sdl);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const definition of document.definitions) {
    if (definition.kind !== 'ObjectTypeDefinition' && definition.kind !== 'ObjectTypeExtension') continue;
    for (const field of definition.fields ?? []) {
      const line = lines.get(`${definition.name.value}.${field.name.value}`);
      if (line === undefined) continue;
      edits.push(descriptionEdit(sdl, field, line));
    }
  }
  let result = sdl;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

function descriptionEdit(
  sdl: string,
  field: FieldDefinitionNode,
  line: string,
): { start: number; end: number; text: string } {
  const description: StringValueNode | undefined = field.description;
  const start = description ? description.loc!.start : field.loc!.start;
  const lineStart = sdl.lastIndexOf('\n', start - 1) + 1;
  const indent = sdl.slice(lineStart, start);
  const kept = withoutVisibility(description?.value ?? '');
  const value = kept === '' ? line : `${kept}\n\n${line}`;
  const body = value
    .replace(/"""/g, '\\"""')
    .split('\n')
    .map((text) => (text === '' ? '' : `${indent}${text}`))
    .join('\n');
  const block = `"""\n${body}\n${indent}"""`;
  return description
    ? { start, end: description.loc!.end, text: block }
    : { start, end: start, text: `${block}\n${indent}` };
}

/** A description without its generated line (and the blank line before it). */
export function withoutVisibility(description: string): string {
  return description
    .split('\n')
    .filter((text) => !text.trimStart().startsWith(VISIBILITY_PREFIX))
    .join('\n')
    .trim();
}

/** The visibility lines found in a description. */
export function visibilityLinesOf(description: string | null | undefined): string[] {
  return (description ?? '')
    .split('\n')
    .map((text) => text.trim())
    .filter((text) => text.startsWith(VISIBILITY_PREFIX));
}

export interface DescriptionCoverage {
  /** Counted items: types, fields, arguments, enum values. */
  totals: { types: number; fields: number; arguments: number; enumValues: number };
  /** Schema coordinates with no description, e.g. `Company.name`, `Query.company(uscc:)`. */
  missing: string[];
}

/** Which public types, fields, arguments and enum values have no description (built-in scalars and introspection left out). */
export function descriptionCoverage(schema: GraphQLSchema): DescriptionCoverage {
  const totals = { types: 0, fields: 0, arguments: 0, enumValues: 0 };
  const missing: string[] = [];
  const need = (description: string | null | undefined, coordinate: string) => {
    if (!description || description.trim() === '') missing.push(coordinate);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    totals.types += 1;
    need(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        totals.fields += 1;
        need(field.description, `${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          totals.arguments += 1;
          need(argument.description, `${type.name}.${field.name}(${argument.name}:)`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        totals.enumValues += 1;
        need(value.description, `${type.name}.${value.name}`);
      }
    }
  }
  return { totals, missing };
}
