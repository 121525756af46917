import { basename, dirname, join } from 'node:path';
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
import type { Department } from '../../../core/errors.js';
import { compileExpression, type CompiledExpression } from './compileExpression.js';
import { createCompiledPolicy, type CompiledFieldRule } from './createCompiledPolicy.js';
import { didYouMean } from './didYouMean.js';
import { isFederationField, isFederationType } from './federationFields.js';
import { findRuleCycles } from './findRuleCycles.js';
import { governedFields, type GovernedField } from './governedFields.js';
import { isAlwaysTrue } from './isAlwaysTrue.js';
import { keyFieldsOf } from './keyFieldsOf.js';
import type { ExpressionContext } from './parseExpression.js';
import { loadSharedRules, SHARED_RULES_FILE, type SharedRules } from './loadSharedRules.js';
import { readRuleNames, readRules, type RuleSource } from './readRules.js';
import { parseFieldRule } from './parseFieldRule.js';
import type { FieldRule, PolicyExpression } from './PolicyExpression.js';
import { policyVersionOf } from './policyVersionOf.js';
import { readYamlFile, type YamlFile } from './readYamlFile.js';
import type { PolicyLoadResult, PolicyProblem, PolicyRegistry, PolicySources } from './types.js';

export interface LoadPolicyOptions {
  file: string;
  department: Department;
  /** The department's subgraph schema as built by buildSubgraphSchema (see loadDepartmentSchema). */
  schema: GraphQLSchema;
  /** privacy/roles.yaml, loaded (see loadRegistry). */
  registry: PolicyRegistry;
  /**
   * The other departments' schemas, if at hand: a field classified in the wrong file is then
   * named with the file it belongs in, instead of only "unknown".
   */
  otherDepartments?: ReadonlyArray<{ department: string; schema: GraphQLSchema }>;
  /**
   * privacy/rules.yaml, loaded (see loadSharedRules); when not given, the rules.yaml beside the
   * file is read (none there means no shared rules).
   */
  sharedRules?: SharedRules;
}

const TOP_LEVEL_KEYS = ['rules', 'types'] as const;

/**
 * Reads, checks and compiles a department's policy file (DESIGN.md, "Privacy policy"). Either
 * every field of the department's schema has a well-formed rule naming only known predicates,
 * rules, roles and purposes, and the result is the compiled policy; or the result lists every
 * problem with its line and column, in file order, worded for the privacy officer who edits it.
 */
export function loadPolicy(options: LoadPolicyOptions): PolicyLoadResult {
  let shared = options.sharedRules;
  if (!shared) {
    const loaded = loadSharedRules(join(dirname(options.file), SHARED_RULES_FILE), options.registry);
    if (!loaded.ok) return loaded;
    shared = loaded.shared;
  }
  const source = readYamlFile(options.file);
  if (source.problems.length > 0) return { ok: false, problems: source.problems };
  const problems: PolicyProblem[] = [];
  const root = source.contents;
  if (root !== null && !(isScalar(root) && root.value === null) && !isMap(root)) {
    return {
      ok: false,
      problems: [source.problemAt(root, 'A policy file is a map with `rules:` (optional) and `types:`.')],
    };
  }

  let rulesPair: Pair | undefined;
  let typesPair: Pair | undefined;
  for (const pair of isMap(root) ? root.items : []) {
    const key = keyOf(pair);
    if (key === 'rules') rulesPair = pair;
    else if (key === 'types') typesPair = pair;
    else
      problems.push(
        source.problemAt(
          pair.key as Node,
          `Unknown top-level key '${key}'.${didYouMean(key, TOP_LEVEL_KEYS)} A policy file has only \`rules:\` and \`types:\`.`,
        ),
      );
  }

  const references = new Map<string, Array<{ name: string; node: Node }>>();
  const context = (where: string, ruleNames: ReadonlySet<string>, owner?: string): ExpressionContext => {
    const list = owner === undefined ? [] : (references.get(owner) ?? []);
    if (owner !== undefined) references.set(owner, list);
    return { source, problems, registry: options.registry, ruleNames, references: list, where };
  };

  const sharedNames = new Set(shared.rules.keys());
  const positions = new Map<string, RuleSource>(shared.positions);
  const ownRules = readRules(source, rulesPair, problems, context, positions, sharedNames);
  for (const pair of isMap(rulesPair?.value) ? rulesPair.value.items : []) {
    const name = keyOf(pair);
    const where = shared.positions.get(name);
    if (where)
      problems.push(
        source.problemAt(
          pair.key as Node,
          `Rule '${name}' is already a shared rule (${basename(where.file)}:${where.line}): use it as it is, or give this rule another name.`,
        ),
      );
  }
  const rules = new Map([...shared.rules, ...ownRules]);
  for (const cycle of findRuleCycles(references)) {
    problems.push(
      source.problemAt(
        cycle.node,
        `Rule '${cycle.path[0]}' refers to itself (${cycle.path.join(' → ')}): a rule cannot depend on itself.`,
      ),
    );
  }

  const fields = governedFields(options.schema);
  const ruleNames = new Set([...sharedNames, ...readRuleNames(rulesPair)]);
  const fieldLines = new Map<string, number>();
  const fieldRules = readTypes(
    source,
    typesPair,
    options,
    fields,
    problems,
    (where) => context(where, ruleNames),
    rules,
    fieldLines,
  );
  if (problems.length > 0) return { ok: false, problems: sortByPosition(problems) };

  const compiled = new Map<string, CompiledExpression>();
  const compiledFields = new Map<string, CompiledFieldRule>();
  for (const [coordinate, rule] of fieldRules) {
    compiledFields.set(coordinate, {
      allow: compileExpression(rule.allow, rules, compiled),
      mask: rule.mask && { when: compileExpression(rule.mask.when, rules, compiled), style: rule.mask.style },
      public: isAlwaysTrue(rule.allow, rules),
    });
  }
  const version = policyVersionOf(options.department, {
    [basename(options.file)]: source.text,
    [basename(options.registry.file)]: options.registry.text,
    // The shared rules decide too, so an auditor reading a version needs them; absent, versions stay as before.
    ...(shared.text !== null ? { [basename(shared.file)]: shared.text } : {}),
  });
  const sources: PolicySources = {
    fields: new Map(
      [...fieldRules].map(([coordinate, rule]) => [
        coordinate,
        { rule, file: options.file, line: fieldLines.get(coordinate) ?? 1 },
      ]),
    ),
    rules: new Map(
      [...rules].map(([name, expression]) => [
        name,
        { expression, ...(positions.get(name) ?? { file: options.file, line: 1 }) },
      ]),
    ),
  };
  return {
    ok: true,
    policy: createCompiledPolicy(options.department, compiledFields, keyFieldsOf(options.schema), version, sources),
  };
}

/** `types:`: each type and field checked against the schema, then every governed field accounted for. */
function readTypes(
  source: YamlFile,
  pair: Pair | undefined,
  options: LoadPolicyOptions,
  fields: readonly GovernedField[],
  problems: PolicyProblem[],
  context: (where: string) => ExpressionContext,
  rules: ReadonlyMap<string, PolicyExpression>,
  fieldLines: Map<string, number>,
): Map<string, FieldRule> {
  const { schema, department } = options;
  const fieldRules = new Map<string, FieldRule>();
  const classified = new Set<string>();
  const typeKeys = new Map<string, Node>();
  const keys = keyFieldsOf(schema);
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
    for (const fieldPair of fieldMap.items) {
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
        continue;
      }
      if (keys.get(typeName)?.has(fieldName)) {
        if (!(isScalar(ruleNode) && ruleNode.value === 'public')) {
          problems.push(
            source.problemAt(
              fieldKey,
              `${coordinate} is a key field and is always readable: the gateway joins entities on it; protect the paths that lead to it instead (e.g. Company.legalRepresentative). Write \`public\` or remove this line.`,
            ),
          );
        }
        continue;
      }
      const field = fields.find((candidate) => candidate.typeName === typeName && candidate.fieldName === fieldName);
      if (!field) {
        problems.push(source.problemAt(fieldKey, unknownFieldMessage(typeName, fieldName, options, fields)));
        continue;
      }
      classified.add(coordinate);
      const rule = parseFieldRule(ruleNode, fieldKey, field, context(coordinate));
      if (!rule) continue;
      if (field.nonNull && !isAlwaysTrue(rule.allow, rules)) {
        problems.push(
          source.problemAt(
            fieldKey,
            `${coordinate} is not public but its type ${field.typeLabel} is non-null: make it nullable (${field.typeLabel.slice(0, -1)}), because denying a non-null field would null its parent.`,
          ),
        );
      }
      fieldRules.set(coordinate, rule);
      fieldLines.set(coordinate, source.problemAt(fieldKey, '').line);
    }
  }

  for (const field of fields) {
    const coordinate = `${field.typeName}.${field.fieldName}`;
    if (!classified.has(coordinate)) {
      const at = typeKeys.get(field.typeName) ?? (pair?.key as Node | undefined) ?? null;
      problems.push(
        source.problemAt(
          at,
          `${coordinate} is not classified: every field needs a rule (an unclassified field is denied).`,
        ),
      );
    }
  }
  return fieldRules;

  function checkType(
    typeName: string,
    type: GraphQLNamedType | undefined,
    { otherDepartments = [] }: LoadPolicyOptions,
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
}

function unknownFieldMessage(
  typeName: string,
  fieldName: string,
  { department, otherDepartments = [] }: LoadPolicyOptions,
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

function sortByPosition(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
