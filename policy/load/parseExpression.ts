import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import {
  builtInPredicates,
  type PolicyExpression,
  type BuiltInPredicate,
  type PolicyProblem,
  type PolicyRegistry,
} from '../engine/index.js';
import { didYouMean } from './didYouMean.js';
import type { YamlFile } from './readYamlFile.js';

/** The keys an expression map may have; several keys in one map must all hold. */
export const EXPRESSION_KEYS = ['anyOf', 'allOf', 'not', 'role', 'purpose'] as const;

/** What parsing an expression needs to know, and where it reports. */
export interface ExpressionContext {
  source: YamlFile;
  problems: PolicyProblem[];
  registry: PolicyRegistry;
  /** Names declared under `rules:` (those with a valid name). */
  ruleNames: ReadonlySet<string>;
  /** Every use of a named rule, for cycle detection. */
  references: Array<{ name: string; node: Node }>;
  /** What the expression belongs to, for messages: "TaxProfile.arrears" or "rule 'taxOfficer'". */
  where: string;
}

const WORD_PREDICATES = builtInPredicates.filter((predicate) => predicate.argument === 'none');
const KEYED_PREDICATES = builtInPredicates.filter((predicate) => predicate.argument !== 'none');
const SHAPE_HINT = `a predicate (${WORD_PREDICATES.map((predicate) => predicate.name).join(', ')}), a rule name, or a map with ${EXPRESSION_KEYS.join(', ')}`;

/**
 * Reads one rule expression (DESIGN.md, "Privacy policy"): a predicate or rule name, or a map
 * of anyOf / allOf / not / role / purpose. Reports every problem it finds and returns null if
 * there was any, so a half-understood rule is never compiled.
 */
export function parseExpression(
  node: Node | null | undefined,
  context: ExpressionContext,
  fallback: Node | null = null,
): PolicyExpression | null {
  const { source, problems, where } = context;
  const report = (at: Node | null | undefined, message: string): null => {
    problems.push(source.problemAt(at ?? fallback, message));
    return null;
  };

  if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
    // An empty value sits after the colon; the key is what the officer reads.
    return report(
      fallback ?? node,
      `${capitalise(where)} has no rule: write ${SHAPE_HINT}, e.g. \`self\` or \`public\`.`,
    );
  }
  if (isAlias(node))
    return report(
      node,
      `YAML aliases (*name) are not supported in ${where}: declare a named rule under \`rules:\` and use its name.`,
    );
  if (isScalar(node)) {
    if (typeof node.value !== 'string')
      return report(node, `Expected a rule in ${where}, found '${String(node.value)}': write ${SHAPE_HINT}.`);
    return parseName(node.value, node, context, report);
  }
  if (isSeq(node)) {
    return report(
      node,
      `A bare list in ${where} is ambiguous: write \`anyOf: [...]\` (any one of them holds) or \`allOf: [...]\` (all of them hold).`,
    );
  }
  if (!isMap(node)) return report(node, `Expected a rule in ${where}: write ${SHAPE_HINT}.`);
  if (node.items.length === 0) return report(node, `The rule of ${where} is an empty map: write ${SHAPE_HINT}.`);

  const parts: PolicyExpression[] = [];
  let failed = false;
  for (const pair of node.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as Node | null;
    const part = parseKey(key, keyNode, value, context, report);
    if (part) parts.push(part);
    else failed = true;
  }
  if (failed) return null;
  return parts.length === 1 ? parts[0]! : { kind: 'allOf', items: parts };
}

type Report = (at: Node | null | undefined, message: string) => null;

function parseName(name: string, node: Node, context: ExpressionContext, report: Report): PolicyExpression | null {
  const predicate = builtInPredicates.find((candidate) => candidate.name === name);
  if (predicate?.argument === 'none') return { kind: 'predicate', predicate, names: [] };
  if (predicate) {
    const example = predicate.argument === 'roles' ? '{ role: tax-officer }' : '{ purpose: tax-audit }';
    return report(
      node,
      `\`${name}\` in ${context.where} needs the ${predicate.argument} it accepts: write \`${example}\`.`,
    );
  }
  if (context.ruleNames.has(name)) {
    context.references.push({ name, node });
    return { kind: 'rule', name };
  }
  const known = [...WORD_PREDICATES.map((candidate) => candidate.name), ...context.ruleNames];
  const rules = context.ruleNames.size > 0 ? `; rules in this file: ${[...context.ruleNames].join(', ')}` : '';
  return report(
    node,
    `Unknown rule or predicate '${name}' in ${context.where}.${didYouMean(name, known)} Built-in predicates: ${WORD_PREDICATES.map((candidate) => candidate.name).join(', ')}${rules}.`,
  );
}

function parseKey(
  key: string,
  keyNode: Node,
  value: Node | null,
  context: ExpressionContext,
  report: Report,
): PolicyExpression | null {
  if (key === 'anyOf' || key === 'allOf') {
    if (!isSeq(value) || value.items.length === 0) {
      return report(
        value ?? keyNode,
        `\`${key}\` in ${context.where} needs a list of at least one rule, e.g. \`${key}: [self, taxOfficer]\`.`,
      );
    }
    const items = value.items.map((item) => parseExpression(item as Node, context, value));
    if (items.some((item) => item === null)) return null;
    return { kind: key, items: items as PolicyExpression[] };
  }
  if (key === 'not') {
    const item = parseExpression(value, context, keyNode);
    return item && { kind: 'not', item };
  }
  const keyed = KEYED_PREDICATES.find((predicate) => predicate.name === key);
  if (keyed) return parseNames(keyed, keyNode, value, context, report);
  if (key === 'allow' || key === 'mask') {
    return report(
      keyNode,
      `\`${key}:\` belongs directly on a field (\`field: { allow: ..., mask: ... }\`), not inside the rule of ${context.where}.`,
    );
  }
  return report(
    keyNode,
    `Unknown key '${key}' in the rule of ${context.where}.${didYouMean(key, [...EXPRESSION_KEYS, 'allow', 'mask'])} A rule map takes ${EXPRESSION_KEYS.join(', ')}.`,
  );
}

/** `role: tax-officer` or `role: [tax-officer, market-officer]`, each declared in privacy/roles.yaml. */
function parseNames(
  predicate: BuiltInPredicate,
  keyNode: Node,
  value: Node | null,
  context: ExpressionContext,
  report: Report,
): PolicyExpression | null {
  const singular = predicate.argument === 'roles' ? 'role' : 'purpose';
  const declared = predicate.argument === 'roles' ? context.registry.roles : context.registry.purposes;
  const nodes = isSeq(value) ? (value.items as Node[]) : [value];
  if (value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0)) {
    return report(
      value ?? keyNode,
      `\`${predicate.name}\` in ${context.where} needs at least one ${singular} name, e.g. \`${predicate.name}: ${singular === 'role' ? 'tax-officer' : 'tax-audit'}\`.`,
    );
  }
  const names: string[] = [];
  let failed = false;
  for (const node of nodes) {
    if (!isScalar(node) || typeof node.value !== 'string') {
      report(
        node ?? keyNode,
        `\`${predicate.name}\` in ${context.where} takes ${singular} names (a word or a list of words).`,
      );
      failed = true;
      continue;
    }
    if (!declared.has(node.value)) {
      report(
        node,
        `Unknown ${singular} '${node.value}' in ${context.where}.${didYouMean(node.value, declared.keys())} The ${predicate.argument} are declared in privacy/roles.yaml: ${[...declared.keys()].join(', ')}.`,
      );
      failed = true;
      continue;
    }
    names.push(node.value);
  }
  return failed ? null : { kind: 'predicate', predicate, names };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
