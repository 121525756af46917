import { getNamedType, isListType, isNonNullType, isLeafType, type GraphQLOutputType } from 'graphql';
import { parse, TypeInfo, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';

/**
 * The variables a matter's pre-fill may use, and how the engine computes each from the day the
 * application is made: a matter says `incomeTax(year: $lastYear)`, never a year that goes stale.
 */
export const PREFILL_VARIABLES: Readonly<Record<string, { type: string; valueOn(day: Date): string | number }>> = {
  thisYear: { type: 'Int!', valueOn: (day) => day.getUTCFullYear() },
  lastYear: { type: 'Int!', valueOn: (day) => day.getUTCFullYear() - 1 },
  lastMonth: { type: 'Period!', valueOn: (day) => monthsBefore(day, 1) },
  tenYearsAgo: { type: 'Period!', valueOn: (day) => monthsBefore(day, 120) },
};

function monthsBefore(day: Date, months: number): string {
  const index = day.getUTCFullYear() * 12 + day.getUTCMonth() - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The variables a selection names (`$lastYear`), in order of first use. */
export function prefillVariablesUsed(selection: string): string[] {
  return [...new Set([...selection.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!))];
}

/** The whole query the engine sends as the applicant: `query Prefill($…) { me { <selection> } }`. */
export function prefillQuery(selection: string): string {
  const used = prefillVariablesUsed(selection).filter((name) => PREFILL_VARIABLES[name]);
  const declared = used.map((name) => `$${name}: ${PREFILL_VARIABLES[name]!.type}`).join(', ');
  return `query Prefill${declared ? `(${declared})` : ''} { me { ${selection} } }`;
}

/** The values of the variables a selection uses, for an application made on `day`. */
export function prefillVariables(selection: string, day: Date): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const name of prefillVariablesUsed(selection)) {
    const variable = PREFILL_VARIABLES[name];
    if (variable) values[name] = variable.valueOn(day);
  }
  return values;
}

export interface PrefillPath {
  /** Under `me`, by response key: ['socialSecurity', 'accountNumber']. */
  path: string[];
  /** A list here or on the way: only a list's own length (`count(…)`) can be used. */
  list: boolean;
  leaf: boolean;
}

/** Every path the selection reads under `me`, with whether it is a list or a leaf; the schema has validated it. */
export function prefillPaths(schema: GraphQLSchema, selection: string): Map<string, PrefillPath> {
  const paths = new Map<string, PrefillPath>();
  const typeInfo = new TypeInfo(schema);
  const trail: string[] = [];
  const underList: boolean[] = [];
  visit(
    parse(prefillQuery(selection)),
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          trail.push(node.alias?.value ?? node.name.value);
          const type = typeInfo.getType();
          const list = (underList.at(-1) ?? false) || (type ? containsList(type) : false);
          underList.push(list);
          if (trail.length > 1 && type) {
            const path = trail.slice(1);
            paths.set(path.join('.'), { path, list, leaf: isLeafType(getNamedType(type)) });
          }
        },
        leave() {
          trail.pop();
          underList.pop();
        },
      },
    }),
  );
  return paths;
}

function containsList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}
