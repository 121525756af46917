import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_ROOT } from '../core/repositoryRoot.js';
import { loadDepartmentSchema } from '../policy/index.js';
import {
  descriptionCoverage,
  rewriteVisibility,
  visibilityLines,
  visibilityLinesOf,
  type DepartmentVisibility,
} from '../scripts/schemaDescribeLines.js';

/**
 * The public schema is a portal developer's documentation: every type, field, argument and enum
 * value has a description, and each governed field's says who may see it exactly as the privacy
 * policy decides (computed by the engine from privacy/*.yaml). When the policy changes, `npm run
 * schema:describe` rewrites the lines, recomposes and regenerates.
 */
const FIX = 'run `npm run schema:describe` (it rewrites the lines from privacy/*.yaml, recomposes and regenerates)';

let publicSchema: GraphQLSchema;
let departments: DepartmentVisibility[];

beforeAll(async () => {
  publicSchema = buildSchema(readFileSync(join(CODE_ROOT, 'schema.graphql'), 'utf8'));
  const result = await visibilityLines();
  if (!result.ok) throw new Error(`the policy files fail the check:\n${result.problems.join('\n')}`);
  departments = result.departments;
});

describe('the public schema is documented', () => {
  it('describes every public type, field, argument and enum value', () => {
    const { missing, totals } = descriptionCoverage(publicSchema);
    expect(totals.fields).toBeGreaterThan(0);
    expect(missing, 'public schema coordinates without a description').toEqual([]);
  });

  it("says in each governed field's description who may see it, as the policy decides", () => {
    const disagreements: string[] = [];
    for (const { department, lines } of departments) {
      const subgraph = loadDepartmentSchema(department);
      for (const [coordinate, expected] of lines) {
        const [typeName, fieldName] = coordinate.split('.') as [string, string];
        for (const [where, schema] of [
          [`subgraphs/${department}/schema.graphql`, subgraph],
          ['schema.graphql', publicSchema],
        ] as const) {
          const type = schema.getType(typeName);
          const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
          const found = visibilityLinesOf(field?.description);
          if (found.length !== 1 || found[0] !== expected)
            disagreements.push(
              `${where} ${coordinate}: says ${JSON.stringify(found)}, the policy says ${JSON.stringify(expected)}`,
            );
        }
      }
    }
    expect(disagreements, FIX).toEqual([]);
  });

  it('has no visibility line on a field the policy does not govern (a key field, or one removed from the policy)', () => {
    const governed = new Set(departments.flatMap(({ lines }) => [...lines.keys()]));
    const stray: string[] = [];
    for (const type of Object.values(publicSchema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()))
        if (visibilityLinesOf(field.description).length > 0 && !governed.has(`${type.name}.${field.name}`))
          stray.push(`${type.name}.${field.name}`);
    }
    expect(stray, FIX).toEqual([]);
  });

  it('rewriting the subgraph files from the policy changes nothing (they are up to date)', () => {
    for (const { schemaFile, lines } of departments) {
      const sdl = readFileSync(join(CODE_ROOT, schemaFile), 'utf8');
      expect(rewriteVisibility(sdl, lines), `${schemaFile}: ${FIX}`).toBe(sdl);
    }
  });

  it('replaces a stale line and adds a missing one, leaving the rest of the description', () => {
    const sdl = [
      'type Thing {',
      '  "Old words."',
      '  a: String',
      '  """',
      '  Kept.',
      '',
      '  Who may see it: nobody.',
      '  """',
      '  b: String',
      '  c: String',
      '}',
      '',
    ].join('\n');
    const lines = new Map([
      ['Thing.a', 'Who may see it: A.'],
      ['Thing.b', 'Who may see it: B.'],
      ['Thing.c', 'Who may see it: C.'],
    ]);
    const rewritten = rewriteVisibility(sdl, lines);
    const thing = buildSchema(rewritten).getType('Thing');
    if (!isObjectType(thing)) throw new Error('no Thing');
    expect(thing.getFields().a!.description).toBe('Old words.\n\nWho may see it: A.');
    expect(thing.getFields().b!.description).toBe('Kept.\n\nWho may see it: B.');
    expect(thing.getFields().c!.description).toBe('Who may see it: C.');
    expect(rewriteVisibility(rewritten, lines)).toBe(rewritten);
  });
});
