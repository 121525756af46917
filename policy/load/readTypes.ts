import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { Department } from '../../core/errors.js';
import {
  isAlwaysTrue,
  isFederationField,
  isFederationType,
  keyFieldsOf,
  type FieldRule,
  type GovernedField,
  type PolicyExpression,
  type PolicyProblem,
} from '../engine/index.js';
import { didYouMean } from './didYouMean.js';
import type { ExpressionContext } from './parseExpression.js';
import { parseFieldRule } from './parseFieldRule.js';
import type { YamlFile } from './readYamlFile.js';

/** The schemas a `types:` section is checked against (loadPolicy's options). */
export interface TypesSchemas {
  department: Department;
  schema: GraphQLSchema;
  otherDepartments?: ReadonlyArray<{ department: string; schema: GraphQLSchema }>;
}

/** What reading one `types:` section shares between its types and fields. */
interface TypesReading {
  source: YamlFile;
  options: TypesSchemas;
  fields: readonly GovernedField[];
  problems: PolicyProblem[];
  context: (where: string) => ExpressionContext;
  rules: ReadonlyMap<string, PolicyExpression>;
  keys: ReadonlyMap<string, ReadonlySet<string>>;
  classified: Set<string>;
  fieldRules: Map<string, FieldRule>;
  fieldLines: Map<string, number>;
}

/** `types:`: each type and field checked against the schema, then every governed field accounted for. */
export function readTypes(
  source: YamlFile,
  pair: Pair | undefined,
  options: TypesSchemas,
  fields: readonly GovernedField[],
  problems: PolicyProblem[],
  context: (where: string) => ExpressionContext,
  rules: ReadonlyMap<string, PolicyExpression>,
  fieldLines: Map<string, number>,
): Map<string, FieldRule> {
  const { schema } = options;
  const reading: TypesReading = {
    source,
    options,
    fields,
    problems,
    context,
    rules,
    keys: keyFieldsOf(schema),
    classified: new Set<string>(),
    fieldRules: new Map<string, FieldRule>(),
    fieldLines,
  };
  const typeKeys = new Map<string, Node>();
  const value = pair?.value as Node | null | undefined;
  const governedTypes = [...new Set(fields.map((field) => field.typeName))];

  if (pair && value !== null && value !== undefined && !(isScalar(value) && value.value === null) && !isMap(value)) {
    problems.push(
      source.problemAt(
        value,
        '`types:` must map each type of the schema to its fields, e.g. `TaxProfile: { creditRating: authenticated }`.',
      ),
    );
  }
  for (const typePair of isMap(value) ? value.items : []) {
    const typeName = keyOf(typePair);
    const typeKey = typePair.key as Node;
    const type = schema.getType(typeName);
    const typeProblem = checkType(typeName, type, options);
    if (typeProblem) {
      problems.push(source.problemAt(typeKey, typeProblem + (type ? '' : didYouMean(typeName, governedTypes))));
      continue;
    }
    typeKeys.set(typeName, typeKey);
    const fieldMap = typePair.value as Node | null;
    if (!isMap(fieldMap)) {
      problems.push(
        source.problemAt(
          fieldMap ?? typeKey,
          `${typeName} must map its fields to rules, e.g. \`${typeName}: { someField: authenticated }\`.`,
        ),
      );
      continue;
    }
    for (const fieldPair of fieldMap.items) readField(typeName, fieldPair, reading);
  }

  for (const field of fields) {
    const coordinate = `${field.typeName}.${field.fieldName}`;
    if (!reading.classified.has(coordinate)) {
      const at = typeKeys.get(field.typeName) ?? (pair?.key as Node | undefined) ?? null;
      problems.push(
        source.problemAt(
          at,
          `${coordinate} is not classified: every field needs a rule (an unclassified field is denied).`,
        ),
      );
    }
  }
  return reading.fieldRules;
}

/** One field's line under its type: checked against the schema, its rule parsed and recorded with its line. */
function readField(typeName: string, fieldPair: Pair, reading: TypesReading): void {
  const { source, problems } = reading;
  const fieldName = keyOf(fieldPair);
  const fieldKey = fieldPair.key as Node;
  const coordinate = `${typeName}.${fieldName}`;
  const ruleNode = fieldPair.value as Node | null;
  if (isFederationField(typeName, fieldName)) {
    problems.push(
      source.problemAt(
        fieldKey,
        `${coordinate} is a federation field: the gateway plans and joins through it and it is always allowed, so it must not appear here. Remove this line.`,
      ),
    );
    return;
  }
  if (reading.keys.get(typeName)?.has(fieldName)) {
    if (!(isScalar(ruleNode) && ruleNode.value === 'public')) {
      problems.push(
        source.problemAt(
          fieldKey,
          `${coordinate} is a key field and is always readable: the gateway joins entities on it; protect the paths that lead to it instead (e.g. Company.legalRepresentative). Write \`public\` or remove this line.`,
        ),
      );
    }
    return;
  }
  const field = reading.fields.find(
    (candidate) => candidate.typeName === typeName && candidate.fieldName === fieldName,
  );
  if (!field) {
    problems.push(
      source.problemAt(fieldKey, unknownFieldMessage(typeName, fieldName, reading.options, reading.fields)),
    );
    return;
  }
  reading.classified.add(coordinate);
  const rule = parseFieldRule(ruleNode, fieldKey, field, reading.context(coordinate));
  if (!rule) return;
  if (field.nonNull && !isAlwaysTrue(rule.allow, reading.rules)) {
    problems.push(
      source.problemAt(
        fieldKey,
        `${coordinate} is not public but its type ${field.typeLabel} is non-null: make it nullable (${field.typeLabel.slice(0, -1)}), because denying a non-null field would null its parent.`,
      ),
    );
  }
  reading.fieldRules.set(coordinate, rule);
  reading.fieldLines.set(coordinate, source.problemAt(fieldKey, '').line);
}

function checkType(
  typeName: string,
  type: GraphQLNamedType | undefined,
  { department, otherDepartments = [] }: TypesSchemas,
): string | null {
  if (typeName.startsWith('__') || (type && isIntrospectionType(type)))
    return `${typeName} is part of introspection, which the policy does not govern. Remove it.`;
  if (isFederationType(typeName))
    return `${typeName} is a federation type: its fields are always allowed and must not appear here. Remove it.`;
  if (!type) {
    const owner = otherDepartments.find(
      (other) => other.department !== department && isObjectType(other.schema.getType(typeName)),
    );
    if (owner)
      return `Type '${typeName}' is not in the ${department} department's schema; it belongs to ${owner.department}: classify it in ${owner.department}.yaml.`;
    return `Unknown type '${typeName}': the ${department} department's schema has no such type.`;
  }
  if (!isObjectType(type))
    return `${typeName} is ${kindOf(type)}, not an object type: only fields of object types get rules.`;
  return null;
}

function unknownFieldMessage(
  typeName: string,
  fieldName: string,
  { department, otherDepartments = [] }: TypesSchemas,
  fields: readonly GovernedField[],
): string {
  const owner = otherDepartments.find((other) => {
    const type = other.schema.getType(typeName);
    return other.department !== department && isObjectType(type) && fieldName in type.getFields();
  });
  if (owner) {
    return `${typeName}.${fieldName} is not a field of the ${department} department's schema; it belongs to ${owner.department}: classify it in ${owner.department}.yaml.`;
  }
  const siblings = fields.filter((field) => field.typeName === typeName).map((field) => field.fieldName);
  return `${typeName} has no field '${fieldName}' in the ${department} department's schema.${didYouMean(fieldName, siblings)} A field another department owns is classified in that department's file.`;
}

function kindOf(type: GraphQLNamedType): string {
  if (isEnumType(type)) return 'an enum';
  if (isScalarType(type)) return 'a scalar';
  if (isInputObjectType(type)) return 'an input type';
  if (isInterfaceType(type)) return 'an interface';
  if (isUnionType(type)) return 'a union';
  return 'not an object type';
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}
