import { basename } from 'node:path';
import type {
  FieldRule,
  PolicyExpression,
  CompiledPolicy,
  Decision,
  DecisionInput,
  PolicySources,
} from '../engine/index.js';

/** A decision and the lines of the policy that made it, as `policy:can` and `policy:test` print them. */
export interface ExplainedDecision {
  decision: Decision;
  /** Where the field's rule is written (file and line), or null for a key, federation or unclassified field. */
  at: { file: string; line: number } | null;
  /** The reason, one line per step of the rule, indented by depth: which part held and which did not. */
  reason: string[];
}

/**
 * Why the policy decides what it decides for one field and one caller. The decision is the
 * policy's own `decide` (what createFieldDecider enforces with); the reason walks the rule as
 * written with the same predicates, and must agree with it (a disagreement is a bug, thrown).
 */
export function explainDecision(
  policy: CompiledPolicy,
  typeName: string,
  fieldName: string,
  input: DecisionInput,
): ExplainedDecision {
  const decision = policy.decide(typeName, fieldName, input);
  const coordinate = `${typeName}.${fieldName}`;
  const written = policy.sources?.fields.get(coordinate);
  if (!written) {
    const reason =
      decision.effect === 'allow'
        ? `${coordinate} is a key or federation field: always readable (the gateway joins on it).`
        : `${coordinate} is not classified in the ${policy.department} policy: denied by default.`;
    return { decision, at: null, reason: [reason] };
  }
  const sources = policy.sources!;
  const where = `${basename(written.file)}:${written.line}`;
  const reason: string[] = [];
  const allowed = trace(written.rule.allow, input, sources, 1, reason);
  const lines = [
    `${coordinate} (${where}): ${describeRule(written.rule)}`,
    `  allow: ${allowed ? 'holds' : 'does not hold'}`,
  ];
  lines.push(...reason.map((line) => `  ${line}`));
  let traced: Decision['effect'] = allowed ? 'allow' : 'deny';
  if (!allowed && written.rule.mask) {
    const maskReason: string[] = [];
    const masked = trace(written.rule.mask.when, input, sources, 1, maskReason);
    lines.push(`  mask as ${written.rule.mask.style} when: ${masked ? 'holds' : 'does not hold'}`);
    lines.push(...maskReason.map((line) => `  ${line}`));
    if (masked) traced = 'mask';
  }
  if (traced !== decision.effect)
    throw new Error(
      `explainDecision: the trace of ${coordinate} says ${traced}, the policy decides ${decision.effect}`,
    );
  return { decision, at: { file: written.file, line: written.line }, reason: lines };
}

/** Evaluates an expression with the predicates' own `holds`, writing one line per node. */
function trace(
  expression: PolicyExpression,
  input: DecisionInput,
  sources: PolicySources,
  depth: number,
  out: string[],
): boolean {
  const indent = '  '.repeat(depth);
  const mark = (holds: boolean) => (holds ? 'holds' : 'does not hold');
  switch (expression.kind) {
    case 'predicate': {
      const holds = expression.predicate.holds(input, expression.names);
      out.push(`${indent}${describeExpression(expression)}: ${mark(holds)}${holds ? '' : whyNot(expression, input)}`);
      return holds;
    }
    case 'rule': {
      const rule = sources.rules.get(expression.name)!;
      const at = out.length;
      const children: string[] = [];
      const holds = trace(rule.expression, input, sources, depth + 1, children);
      out.splice(
        at,
        0,
        `${indent}${expression.name} (${basename(rule.file)}:${rule.line}) = ${describeExpression(rule.expression)}: ${mark(holds)}`,
      );
      out.push(...children);
      return holds;
    }
    case 'anyOf':
    case 'allOf': {
      const children: string[] = [];
      const results = expression.items.map((item) => trace(item, input, sources, depth + 1, children));
      const holds = expression.kind === 'anyOf' ? results.some(Boolean) : results.every(Boolean);
      out.push(`${indent}${expression.kind === 'anyOf' ? 'any of' : 'all of'}: ${mark(holds)}`, ...children);
      return holds;
    }
    case 'not': {
      const children: string[] = [];
      const holds = !trace(expression.item, input, sources, depth + 1, children);
      out.push(`${indent}not: ${mark(holds)}`, ...children);
      return holds;
    }
  }
}

function whyNot(expression: Extract<PolicyExpression, { kind: 'predicate' }>, input: DecisionInput): string {
  const { caller } = input;
  switch (expression.predicate.argument) {
    case 'roles':
      return caller.kind === 'anonymous' || caller.roles.length === 0
        ? ' (the caller holds no role)'
        : ` (the caller holds ${caller.roles.join(', ')})`;
    case 'purposes':
      return caller.purpose ? ` (the caller stated ${caller.purpose})` : ' (the caller stated no purpose)';
    default:
      if (expression.predicate.name === 'self' || expression.predicate.name === 'companySelf')
        return " (the data is not the caller's own)";
      if (expression.predicate.name === 'authenticated') return ' (the caller is anonymous)';
      return '';
  }
}

/** The rule as an officer would read it: `anyOf [self, taxOfficer]`, `role tax-officer`. */
export function describeExpression(expression: PolicyExpression): string {
  switch (expression.kind) {
    case 'predicate':
      return expression.names.length === 0
        ? expression.predicate.name
        : `${expression.predicate.name} ${expression.names.join(' or ')}`;
    case 'rule':
      return expression.name;
    case 'anyOf':
    case 'allOf':
      return `${expression.kind} [${expression.items.map(describeExpression).join(', ')}]`;
    case 'not':
      return `not ${describeExpression(expression.item)}`;
  }
}

/** A field's rule in one line: `personOrTaxOfficer`, or `allow self, mask as phone when socialOfficer`. */
export function describeRule(rule: FieldRule): string {
  const allow = describeExpression(rule.allow);
  if (!rule.mask) return allow;
  return `allow ${allow}, mask as ${rule.mask.style} when ${describeExpression(rule.mask.when)}`;
}
