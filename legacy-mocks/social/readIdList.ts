import { canonicalId } from '../../core/ids.js';
import { socialFault, type SocialFaultCode } from './socialFault.js';

export interface IdListRule {
  /** The legacy field name, for the fault detail (e.g. sfzhm). */
  field: string;
  maximum: number;
  /** Why one identifier is malformed, or null (core/ids.ts). */
  problemOf(value: string): string | null;
  /** The fault for a malformed identifier. */
  malformed: SocialFaultCode;
}

/**
 * Reads a repeated identifier element of a batch request and checks it like the bureau does:
 * present (E3006), within the documented maximum (E3005), every identifier well-formed (its own
 * code, naming the position, never the value). Returns the identifiers in canonical form.
 */
export function readIdList(value: unknown, rule: IdListRule): string[] {
  const values = value === undefined || value === null ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
  if (values.length === 0) throw socialFault('E3006', `at least one ${rule.field}`);
  if (values.length > rule.maximum) throw socialFault('E3005', `at most ${rule.maximum} ${rule.field} per call`);
  return values.map((item, index) => {
    // An element with attributes or children arrives as an object: not an identifier either.
    const problem = typeof item === 'string' ? rule.problemOf(item) : `${rule.field} must be text`;
    if (problem !== null) throw socialFault(rule.malformed, `${rule.field} #${index + 1}: ${problem}`);
    return canonicalId(item as string);
  });
}

/** How many items a request asked for, for the call statistics, even when it is then refused. */
export function countItems(value: unknown): number {
  return value === undefined || value === null ? 0 : Array.isArray(value) ? value.length : 1;
}
