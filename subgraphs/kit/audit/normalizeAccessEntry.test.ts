import { describe, expect, it } from 'vitest';
import type { AccessEntry } from './AccessEntry.js';
import { normalizeAccessEntry } from './normalizeAccessEntry.js';
import { sampleEntry, SUBJECTS } from './testing/sampleEntries.js';

const entry = sampleEntry('r1', SUBJECTS.citizen, '2026-03-10T16:30:00+08:00');
const broken = (change: Record<string, unknown>) => () => normalizeAccessEntry({ ...entry, ...change } as AccessEntry);

describe('normalizeAccessEntry', () => {
  it('stores the time in UTC and the subject ID in canonical upper case', () => {
    const normal = normalizeAccessEntry({ ...entry, subject: { kind: 'person', id: '11010519491231002x' } });
    expect(normal.at).toBe('2026-03-10T08:30:00.000Z');
    expect(normal.subject.id).toBe('11010519491231002X');
  });

  it('copies only the record model, so a value never reaches the log', () => {
    const normal = normalizeAccessEntry({
      ...entry,
      value: 'secret',
      caller: { ...entry.caller, token: 'eyJ' },
      fields: [{ field: 'Person.phone', decision: 'allowed', value: '13800138000' }],
    } as never);
    expect(JSON.stringify(normal)).not.toMatch(/secret|eyJ|13800138000/);
  });

  it('accepts an anonymous caller with no sub, azp or purpose', () => {
    const normal = normalizeAccessEntry({ ...entry, caller: { kind: 'anonymous', sub: null, roles: [], azp: null }, purpose: null });
    expect(normal.caller).toEqual({ kind: 'anonymous', sub: null, roles: [], azp: null });
  });

  it('names the first problem of a malformed entry', () => {
    expect(broken({ at: 'yesterday' })).toThrow(/^at must be an ISO timestamp/);
    expect(broken({ requestId: '' })).toThrow(/requestId/);
    expect(broken({ department: 'Tax Bureau' })).toThrow(/department/);
    expect(broken({ caller: { ...entry.caller, kind: 'robot' } })).toThrow(/caller.kind/);
    expect(broken({ subject: { kind: 'thing', id: 'x' } })).toThrow(/subject.kind/);
    expect(broken({ fields: [] })).toThrow(/fields is a list of 1/);
    expect(broken({ fields: [{ field: 'Person.name', decision: 'shown' }] })).toThrow(/decision/);
  });
});
