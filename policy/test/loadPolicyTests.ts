import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Caller } from '../../core/caller.js';
import { didYouMean, readYamlFile, type YamlFile } from '../load/index.js';
import {
  MASK_STYLES,
  type Decision,
  type MaskStyle,
  type PolicyProblem,
  type PolicyRegistry,
  type Subject,
} from '../engine/index.js';
import { syntheticCaller, syntheticSubjects } from '../explain/index.js';

/** One expected outcome: a field, and what the policy must decide for the case's caller. */
export interface PolicyExpectation {
  typeName: string;
  fieldName: string;
  expected: Decision;
  line: number;
  column: number;
}

/** A caller looking at their own or someone else's data, and what they must get, field by field. */
export interface PolicyTestCase {
  file: string;
  line: number;
  department: string;
  /** For messages: "tax-officer with purpose tax-audit, someone else's data". */
  label: string;
  caller: Caller;
  whose: 'own' | 'other';
  subjects: readonly Subject[];
  /** The policy:explain column this case stands for (callerProfiles' id), or null if none. */
  profileId: string | null;
  expectations: PolicyExpectation[];
}

export interface PolicyTestFile {
  file: string;
  department: string | null;
  cases: PolicyTestCase[];
  problems: PolicyProblem[];
}

const KINDS = ['anonymous', 'person', 'company', 'officer'] as const;
const CASE_KEYS = ['name', 'caller', 'subject', 'expect'] as const;
const CALLER_KEYS = ['kind', 'roles', 'purpose'] as const;
const EFFECTS = ['allow', 'deny', ...MASK_STYLES.map((style) => `mask ${style}`)];

/**
 * Reads one policy test file (privacy/tests/*.yaml): `department:` and a list of `cases:`, each
 * a caller (`kind`, `roles`, `purpose`), `subject: own | other`, and `expect:` mapping fields
 * (`Type.field`) to `allow`, `deny` or `mask <style>`. Every case and expectation keeps its line,
 * so a failure points at the line to read. Fields are checked against the schema when the tests run.
 */
export function loadPolicyTests(file: string, registry: PolicyRegistry): PolicyTestFile {
  const source = readYamlFile(file);
  const result: PolicyTestFile = { file, department: null, cases: [], problems: [...source.problems] };
  if (source.problems.length > 0) return result;
  const { problems } = result;
  const root = source.contents;
  if (!isMap(root)) {
    problems.push(source.problemAt(root, 'A policy test file is a map with `department:` and `cases:`.'));
    return result;
  }
  let casesNode: Node | null = null;
  for (const pair of root.items) {
    const key = keyOf(pair);
    if (key === 'department') {
      const value = pair.value as Node | null;
      if (isScalar(value) && typeof value.value === 'string') result.department = value.value;
      else
        problems.push(source.problemAt(value ?? (pair.key as Node), '`department:` names one department, e.g. `tax`.'));
    } else if (key === 'cases') casesNode = pair.value as Node | null;
    else
      problems.push(
        source.problemAt(
          pair.key as Node,
          `Unknown key '${key}'.${didYouMean(key, ['department', 'cases'])} A policy test file has \`department:\` and \`cases:\`.`,
        ),
      );
  }
  if (result.department === null && problems.length === 0)
    problems.push(source.problemAt(root, 'The file has no `department:`: say whose policy these cases test.'));
  if (!isSeq(casesNode)) {
    problems.push(source.problemAt(casesNode ?? root, '`cases:` is a list of cases, each `- caller: ...`.'));
    return result;
  }
  for (const item of casesNode.items) {
    const testCase = readCase(source, item as Node, result.department ?? '', registry, problems);
    if (testCase) result.cases.push(testCase);
  }
  return result;
}

function readCase(
  source: YamlFile,
  node: Node,
  department: string,
  registry: PolicyRegistry,
  problems: PolicyProblem[],
): PolicyTestCase | null {
  if (!isMap(node)) {
    problems.push(source.problemAt(node, 'A case is a map with `caller:`, `subject:` and `expect:`.'));
    return null;
  }
  const line = source.problemAt(node, '').line;
  const before = problems.length;
  let name: string | null = null;
  let caller: Caller | null = null;
  let whose: 'own' | 'other' = 'other';
  let expectNode: Node | null = null;
  for (const pair of node.items) {
    const key = keyOf(pair);
    const value = pair.value as Node | null;
    if (key === 'name') name = isScalar(value) ? String(value.value) : null;
    else if (key === 'caller') caller = readCaller(source, value, pair.key as Node, registry, problems);
    else if (key === 'subject') {
      if (isScalar(value) && (value.value === 'own' || value.value === 'other')) whose = value.value;
      else
        problems.push(
          source.problemAt(
            value ?? (pair.key as Node),
            "`subject:` is `own` (the caller's own data) or `other` (someone else's).",
          ),
        );
    } else if (key === 'expect') expectNode = value;
    else
      problems.push(
        source.problemAt(
          pair.key as Node,
          `Unknown key '${key}' in a case.${didYouMean(key, CASE_KEYS)} A case has ${CASE_KEYS.join(', ')}.`,
        ),
      );
  }
  if (!caller && problems.length === before)
    problems.push(source.problemAt(node, 'The case has no `caller:`, e.g. `caller: { kind: person }`.'));
  if (caller && whose === 'own' && (caller.kind === 'anonymous' || caller.kind === 'officer'))
    problems.push(
      source.problemAt(
        node,
        `\`subject: own\` needs a person or a company: ${caller.kind === 'officer' ? 'an officer' : 'an anonymous caller'} has no data of their own here.`,
      ),
    );
  const expectations = readExpectations(source, expectNode, node, problems);
  if (problems.length > before || !caller) return null;
  const subjects = syntheticSubjects(caller, whose);
  return {
    file: source.file,
    line,
    department,
    label: name ?? labelOf(caller, whose),
    caller,
    whose,
    subjects,
    profileId: profileIdOf(caller, whose),
    expectations,
  };
}

function readCaller(
  source: YamlFile,
  node: Node | null,
  keyNode: Node,
  registry: PolicyRegistry,
  problems: PolicyProblem[],
): Caller | null {
  if (!isMap(node)) {
    problems.push(
      source.problemAt(
        node ?? keyNode,
        '`caller:` is a map, e.g. `{ kind: officer, roles: [tax-officer], purpose: tax-audit }`.',
      ),
    );
    return null;
  }
  let kind: (typeof KINDS)[number] | null = null;
  const roles: string[] = [];
  let purpose: string | null = null;
  const before = problems.length;
  for (const pair of node.items) {
    const key = keyOf(pair);
    const value = pair.value as Node | null;
    if (key === 'kind') {
      const text = isScalar(value) ? String(value.value) : '';
      if ((KINDS as readonly string[]).includes(text)) kind = text as (typeof KINDS)[number];
      else
        problems.push(
          source.problemAt(
            value ?? (pair.key as Node),
            `Unknown caller kind '${text}'.${didYouMean(text, KINDS)} A caller is ${KINDS.join(', ')}.`,
          ),
        );
    } else if (key === 'roles') {
      const items = isSeq(value) ? (value.items as Node[]) : [value];
      for (const item of items) {
        const role = isScalar(item) ? String(item.value) : '';
        if (registry.roles.has(role)) roles.push(role);
        else
          problems.push(
            source.problemAt(
              item ?? (pair.key as Node),
              `Unknown role '${role}'.${didYouMean(role, registry.roles.keys())} Roles are declared in privacy/roles.yaml.`,
            ),
          );
      }
    } else if (key === 'purpose') {
      const text = isScalar(value) && value.value !== null ? String(value.value) : null;
      if (text === null || registry.purposes.has(text)) purpose = text;
      else
        problems.push(
          source.problemAt(
            value,
            `Unknown purpose '${text}'.${didYouMean(text, registry.purposes.keys())} Purposes are declared in privacy/roles.yaml.`,
          ),
        );
    } else
      problems.push(
        source.problemAt(
          pair.key as Node,
          `Unknown key '${key}' in a caller.${didYouMean(key, CALLER_KEYS)} A caller has ${CALLER_KEYS.join(', ')}.`,
        ),
      );
  }
  if (kind === null) {
    if (problems.length === before)
      problems.push(source.problemAt(node, 'The caller has no `kind:` (anonymous, person, company or officer).'));
    return null;
  }
  if (roles.length > 0 && kind !== 'officer') {
    problems.push(
      source.problemAt(node, 'Only officers hold roles: the gateway refuses a person or company token with roles.'),
    );
    return null;
  }
  if (problems.length > before) return null;
  return syntheticCaller(kind, roles, purpose);
}

function readExpectations(
  source: YamlFile,
  node: Node | null,
  caseNode: Node,
  problems: PolicyProblem[],
): PolicyExpectation[] {
  if (!isMap(node) || node.items.length === 0) {
    problems.push(
      source.problemAt(node ?? caseNode, '`expect:` maps fields to outcomes, e.g. `TaxProfile.arrears: deny`.'),
    );
    return [];
  }
  const expectations: PolicyExpectation[] = [];
  for (const pair of node.items) {
    const keyNode = pair.key as Node;
    const coordinate = keyOf(pair);
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(coordinate);
    if (!match) {
      problems.push(
        source.problemAt(keyNode, `'${coordinate}' is not a field: write Type.field, e.g. Person.incomeTax.`),
      );
      continue;
    }
    const value = pair.value as Node | null;
    const text = isScalar(value) ? String(value.value).trim().replace(/\s+/g, ' ') : '';
    const expected = decisionOf(text);
    if (!expected) {
      problems.push(
        source.problemAt(
          value ?? keyNode,
          `Unknown outcome '${text}' for ${coordinate}.${didYouMean(text, EFFECTS)} Write allow, deny or mask <style> (${MASK_STYLES.join(', ')}).`,
        ),
      );
      continue;
    }
    const at = source.problemAt(keyNode, '');
    expectations.push({ typeName: match[1]!, fieldName: match[2]!, expected, line: at.line, column: at.column });
  }
  return expectations;
}

function decisionOf(text: string): Decision | null {
  if (text === 'allow' || text === 'deny') return { effect: text };
  const mask = /^mask (\w+)$/.exec(text);
  if (mask && (MASK_STYLES as readonly string[]).includes(mask[1]!))
    return { effect: 'mask', style: mask[1] as MaskStyle };
  return null;
}

/** The policy:explain column a case stands for (callerProfiles' ids). */
function profileIdOf(caller: Caller, whose: 'own' | 'other'): string | null {
  switch (caller.kind) {
    case 'anonymous':
      return caller.purpose === null ? 'anonymous' : null;
    case 'person':
      return caller.purpose === null ? `citizen-${whose}` : null;
    case 'company':
      return caller.purpose === null ? `company-${whose}` : null;
    case 'officer':
      if (caller.roles.length !== 1) return null;
      return caller.purpose === null ? `officer:${caller.roles[0]}:no-purpose` : `officer:${caller.roles[0]}`;
  }
}

function labelOf(caller: Caller, whose: 'own' | 'other'): string {
  const data = whose === 'own' ? 'own data' : "someone else's data";
  const purpose = caller.purpose ? ` with purpose ${caller.purpose}` : caller.kind === 'officer' ? ', no purpose' : '';
  if (caller.kind === 'anonymous') return `anonymous${purpose}`;
  if (caller.kind === 'officer')
    return `${caller.roles.length > 0 ? caller.roles.join('+') : 'officer without roles'}${purpose}, ${data}`;
  return `${caller.kind === 'person' ? 'citizen' : 'company'}${purpose}, ${data}`;
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}
