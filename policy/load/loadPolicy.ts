import { basename, dirname, join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { Department } from '../../core/errors.js';
import {
  compileExpression,
  createCompiledPolicy,
  governedFields,
  isAlwaysTrue,
  keyFieldsOf,
  subjectReadingOf,
  widerReading,
  type CompiledExpression,
  type CompiledFieldRule,
  type CompiledPolicy,
  type FieldRule,
  type PolicyExpression,
  type PolicyLoadResult,
  type PolicyProblem,
  type PolicyRegistry,
  type PolicySources,
} from '../engine/index.js';
import { didYouMean } from './didYouMean.js';
import { findRuleCycles } from './findRuleCycles.js';
import { loadSharedRules, SHARED_RULES_FILE, type SharedRules } from './loadSharedRules.js';
import type { ExpressionContext } from './parseExpression.js';
import { policyVersionOf } from './policyVersionOf.js';
import { readRuleNames, readRules, type RuleSource } from './readRules.js';
import { readTypes } from './readTypes.js';
import { readYamlFile, type YamlFile } from './readYamlFile.js';

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

  const { rulesPair, typesPair } = findSections(source, isMap(root) ? root.items : [], problems);

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

  return { ok: true, policy: compilePolicy(options, source, shared, fieldRules, fieldLines, rules, positions) };
}

/** The `rules:` and `types:` pairs of a policy file; any other top-level key is a problem. */
function findSections(
  source: YamlFile,
  pairs: readonly Pair[],
  problems: PolicyProblem[],
): { rulesPair: Pair | undefined; typesPair: Pair | undefined } {
  let rulesPair: Pair | undefined;
  let typesPair: Pair | undefined;
  for (const pair of pairs) {
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
  return { rulesPair, typesPair };
}

/** A file that passed every check, compiled: its rules as functions, its version, where each rule is written. */
function compilePolicy(
  options: LoadPolicyOptions,
  source: YamlFile,
  shared: SharedRules,
  fieldRules: ReadonlyMap<string, FieldRule>,
  fieldLines: ReadonlyMap<string, number>,
  rules: ReadonlyMap<string, PolicyExpression>,
  positions: ReadonlyMap<string, RuleSource>,
): CompiledPolicy {
  const compiled = new Map<string, CompiledExpression>();
  const compiledFields = new Map<string, CompiledFieldRule>();
  for (const [coordinate, rule] of fieldRules) {
    compiledFields.set(coordinate, {
      allow: compileExpression(rule.allow, rules, compiled),
      mask: rule.mask && { when: compileExpression(rule.mask.when, rules, compiled), style: rule.mask.style },
      public: isAlwaysTrue(rule.allow, rules),
      reads: rule.mask
        ? widerReading(subjectReadingOf(rule.allow, rules), subjectReadingOf(rule.mask.when, rules))
        : subjectReadingOf(rule.allow, rules),
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
  return createCompiledPolicy(options.department, compiledFields, keyFieldsOf(options.schema), version, sources);
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

function sortByPosition(problems: PolicyProblem[]): PolicyProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
