import { existsSync } from 'node:fs';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { PolicyExpression, PolicyProblem, PolicyRegistry } from '../engine/index.js';
import { findRuleCycles } from './findRuleCycles.js';
import type { ExpressionContext } from './parseExpression.js';
import { readRuleNames, readRules, type RuleSource } from './readRules.js';
import { readYamlFile } from './readYamlFile.js';

/**
 * privacy/rules.yaml, read and checked: rules every department's file may name, so that
 * "a tax officer with a purpose" is written once and means the same in tax.yaml and social.yaml.
 */
export interface SharedRules {
  file: string;
  /** The file's text, part of every policy version that may use it; null when there is no such file. */
  text: string | null;
  rules: ReadonlyMap<string, PolicyExpression>;
  positions: ReadonlyMap<string, RuleSource>;
}

export type SharedRulesLoadResult = { ok: true; shared: SharedRules } | { ok: false; problems: PolicyProblem[] };

/** The name of the shared rules' file, beside roles.yaml. */
export const SHARED_RULES_FILE = 'rules.yaml';

/**
 * Reads the shared rules file: a map with `rules:` only, checked as a department's `rules:` is
 * (known roles and purposes, no cycles, camelCase names). A missing file means no shared rules,
 * so a deployment (or an old commit) without one still loads.
 */
export function loadSharedRules(file: string, registry: PolicyRegistry): SharedRulesLoadResult {
  if (!existsSync(file)) return { ok: true, shared: { file, text: null, rules: new Map(), positions: new Map() } };
  const source = readYamlFile(file);
  if (source.problems.length > 0) return { ok: false, problems: source.problems };
  const problems: PolicyProblem[] = [];
  const root = source.contents;
  let rulesPair: Pair | undefined;
  if (root !== null && !(isScalar(root) && root.value === null)) {
    if (!isMap(root)) {
      return {
        ok: false,
        problems: [source.problemAt(root, 'The shared rules file is a map with one key, `rules:`.')],
      };
    }
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'rules') rulesPair = pair;
      else
        problems.push(
          source.problemAt(
            pair.key as Node,
            `Unknown top-level key '${key}'. The shared rules file has only \`rules:\`; fields are classified in each department's file.`,
          ),
        );
    }
  }
  const references = new Map<string, Array<{ name: string; node: Node }>>();
  const ruleNames = new Set(readRuleNames(rulesPair));
  const context = (where: string, names: ReadonlySet<string>, owner?: string): ExpressionContext => {
    const list = owner === undefined ? [] : (references.get(owner) ?? []);
    if (owner !== undefined) references.set(owner, list);
    return { source, problems, registry, ruleNames: names, references: list, where: `shared ${where}` };
  };
  const positions = new Map<string, RuleSource>();
  const rules = readRules(
    source,
    rulesPair,
    problems,
    (where, _names, owner) => context(where, ruleNames, owner),
    positions,
  );
  for (const cycle of findRuleCycles(references)) {
    problems.push(
      source.problemAt(
        cycle.node,
        `Rule '${cycle.path[0]}' refers to itself (${cycle.path.join(' → ')}): a rule cannot depend on itself.`,
      ),
    );
  }
  if (problems.length > 0)
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
  return { ok: true, shared: { file, text: source.text, rules, positions } };
}
