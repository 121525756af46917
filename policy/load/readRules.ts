import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { builtInPredicates, type PolicyExpression, type PolicyProblem } from '../engine/index.js';
import { EXPRESSION_KEYS, parseExpression, type ExpressionContext } from './parseExpression.js';
import type { YamlFile } from './readYamlFile.js';

export const RULE_NAME = /^[a-z][a-zA-Z0-9]*$/;
export const RESERVED_RULE_NAMES: ReadonlySet<string> = new Set([
  ...builtInPredicates.map((predicate) => predicate.name),
  ...EXPRESSION_KEYS,
  'allow',
  'mask',
]);

/** Where a named rule is written, for `policy:can` and the workbench page ("taxOfficer, rules.yaml:9"). */
export interface RuleSource {
  file: string;
  line: number;
}

/**
 * A `rules:` section (of a department's file or of privacy/rules.yaml): names first (so rules
 * may use each other in any order), then each body. Records where each rule is written in `positions`.
 */
export function readRules(
  source: YamlFile,
  pair: Pair | undefined,
  problems: PolicyProblem[],
  context: (where: string, ruleNames: ReadonlySet<string>, owner?: string) => ExpressionContext,
  positions: Map<string, RuleSource>,
  otherNames: ReadonlySet<string> = new Set(),
): Map<string, PolicyExpression> {
  const rules = new Map<string, PolicyExpression>();
  const value = pair?.value as Node | null | undefined;
  if (!pair || value === null || value === undefined || (isScalar(value) && value.value === null)) return rules;
  if (!isMap(value)) {
    problems.push(
      source.problemAt(
        value,
        '`rules:` must map rule names to rules, e.g. `taxOfficer: { role: tax-officer, purpose: tax-audit }`.',
      ),
    );
    return rules;
  }
  const named: Array<{ name: string; body: Node | null; keyNode: Node }> = [];
  for (const item of value.items) {
    const name = keyOf(item);
    const keyNode = item.key as Node;
    if (RESERVED_RULE_NAMES.has(name)) {
      problems.push(
        source.problemAt(keyNode, `'${name}' is a built-in word of policy files: give the rule another name.`),
      );
    } else if (!RULE_NAME.test(name)) {
      problems.push(
        source.problemAt(
          keyNode,
          `The rule name '${name}' must be camelCase (letters and digits, starting with a lower-case letter), e.g. taxOfficer.`,
        ),
      );
    } else {
      named.push({ name, body: item.value as Node | null, keyNode });
      positions.set(name, { file: source.file, line: source.problemAt(keyNode, '').line });
    }
  }
  const names = new Set([...otherNames, ...named.map((rule) => rule.name)]);
  for (const { name, body, keyNode } of named) {
    const expression = parseExpression(body, context(`rule '${name}'`, names, name), keyNode);
    if (expression) rules.set(name, expression);
  }
  return rules;
}

/** The names declared under `rules:` that are valid, so that a reference to a rule with a broken body is not also "unknown". */
export function readRuleNames(pair: Pair | undefined): string[] {
  const value = pair?.value;
  if (!isMap(value)) return [];
  return value.items.map(keyOf).filter((name) => RULE_NAME.test(name) && !RESERVED_RULE_NAMES.has(name));
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}
