import type { AccessCaller } from '../record/AccessEntry.js';

const CALLER_KINDS: ReadonlySet<string> = new Set(['anonymous', 'person', 'company', 'officer']);

/**
 * Strict readers of one stored row's columns, for the row decoder (accessRecordRow.ts): anything
 * that is not exactly what a store writes calls `fail` with the column and what is wrong with it.
 */
export function columnReader(row: Record<string, unknown>, fail: (problem: string) => never) {
  const text = (column: string): string => {
    const value = row[column];
    return typeof value === 'string' ? value : fail(`${column} is not text`);
  };
  const optionalText = (column: string): string | null => (row[column] === null ? null : text(column));
  const json = (column: string): unknown => {
    const value = text(column);
    try {
      return JSON.parse(value);
    } catch {
      return fail(`${column} is not JSON`);
    }
  };
  return {
    text,
    optionalText,
    json,
    /** The caller columns (kind, sub, roles as JSON, azp). */
    caller: (): AccessCaller => {
      const kind = text('caller_kind');
      if (!CALLER_KINDS.has(kind)) fail('caller_kind is not anonymous, person, company or officer');
      const roles = json('caller_roles');
      if (!Array.isArray(roles) || !roles.every((role) => typeof role === 'string'))
        fail('caller_roles is not a list of names');
      return {
        kind: kind as AccessCaller['kind'],
        sub: optionalText('caller_sub'),
        roles: roles as string[],
        azp: optionalText('caller_azp'),
      };
    },
  };
}
