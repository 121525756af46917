import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { MASK_STYLES, type GovernedField, type FieldRule, type MaskStyle } from '../engine/index.js';
import { didYouMean } from './didYouMean.js';
import { parseExpression, type ExpressionContext } from './parseExpression.js';

// A mask shows part of a text; other values (numbers, objects) can only be allowed or denied.
const MASKABLE_TYPES: ReadonlySet<string> = new Set(['String', 'ID']);

/**
 * Reads a field's line: an expression (who may see the value), or
 * `{ allow: expr, mask: { when: expr, as: style } }` (allow wins; else masked when `when`
 * holds; else denied). Returns null after reporting if anything is wrong.
 */
export function parseFieldRule(
  node: Node | null,
  keyNode: Node,
  field: GovernedField,
  context: ExpressionContext,
): FieldRule | null {
  const { source, problems, where } = context;
  const report = (at: Node | null | undefined, message: string): null => {
    problems.push(source.problemAt(at ?? keyNode, message));
    return null;
  };
  if (!isMap(node) || !node.items.some((pair) => keyOf(pair) === 'allow' || keyOf(pair) === 'mask')) {
    const allow = parseExpression(node, context, keyNode);
    return allow && { allow };
  }

  let allowNode: Node | null | undefined;
  let maskPair: Pair | undefined;
  let failed = false;
  for (const pair of node.items) {
    const key = keyOf(pair);
    if (key === 'allow') allowNode = pair.value as Node | null;
    else if (key === 'mask') maskPair = pair;
    else {
      report(
        pair.key as Node,
        `Unknown key '${key}' in the rule of ${where}.${didYouMean(key, ['allow', 'mask'])} With a mask, a field takes only \`allow:\` and \`mask:\`.`,
      );
      failed = true;
    }
  }
  if (allowNode === undefined) {
    return report(
      node,
      `${where} has \`mask:\` but no \`allow:\`: say who sees the value unmasked, e.g. \`allow: self\`.`,
    );
  }
  const allow = parseExpression(allowNode, context, node);
  const mask = maskPair ? parseMask(maskPair, field, context, report) : undefined;
  if (failed || !allow || mask === null) return null;
  return mask ? { allow, mask } : { allow };
}

function parseMask(
  pair: Pair,
  field: GovernedField,
  context: ExpressionContext,
  report: (at: Node | null | undefined, message: string) => null,
): FieldRule['mask'] | null {
  const { where } = context;
  const keyNode = pair.key as Node;
  const value = pair.value as Node | null;
  if (!MASKABLE_TYPES.has(field.namedType)) {
    return report(
      keyNode,
      `${where} is of type ${field.typeLabel}, and a mask only shortens text: allow or deny it instead.`,
    );
  }
  if (!isMap(value)) {
    return report(
      value ?? keyNode,
      `\`mask:\` in ${where} needs \`when:\` (who sees it masked) and \`as:\` (${MASK_STYLES.join(', ')}), e.g. \`mask: { when: socialOfficer, as: phone }\`.`,
    );
  }
  let whenNode: Node | null | undefined;
  let styleNode: Node | null | undefined;
  let failed = false;
  for (const item of value.items) {
    const key = keyOf(item);
    if (key === 'when') whenNode = item.value as Node | null;
    else if (key === 'as') styleNode = item.value as Node | null;
    else {
      report(
        item.key as Node,
        `Unknown key '${key}' in the mask of ${where}.${didYouMean(key, ['when', 'as'])} A mask takes \`when:\` and \`as:\`.`,
      );
      failed = true;
    }
  }
  if (whenNode === undefined) {
    report(
      value,
      `The mask of ${where} has no \`when:\`: say who sees the value masked, e.g. \`when: socialOfficer\`.`,
    );
    failed = true;
  }
  let style: MaskStyle | undefined;
  if (styleNode === undefined) {
    report(value, `The mask of ${where} has no \`as:\`: one of ${MASK_STYLES.join(', ')}.`);
    failed = true;
  } else if (
    !isScalar(styleNode) ||
    typeof styleNode.value !== 'string' ||
    !(MASK_STYLES as readonly string[]).includes(styleNode.value)
  ) {
    const written = isScalar(styleNode) ? String(styleNode.value) : '';
    report(
      styleNode,
      `Unknown mask style '${written}' in ${where}.${didYouMean(written, MASK_STYLES)} Mask styles: ${MASK_STYLES.join(', ')}.`,
    );
    failed = true;
  } else {
    style = styleNode.value as MaskStyle;
  }
  const when = whenNode === undefined ? null : parseExpression(whenNode, context, value);
  if (failed || !when || !style) return null;
  return { when, style };
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}
