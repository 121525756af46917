import { describe, expect, it } from 'vitest';
import type { AccessEntry } from './AccessEntry.js';
import { normalizeAccessEntry } from './normalizeAccessEntry.js';
import { sampleEntry, SUBJECTS } from '../testing/sampleEntries.js';

const entry = sampleEntry('r1', [SUBJECTS.citizen], '2026-03-10T16:30:00+08:00');
const broken = (change: Record<string, unknown>) => () => normalizeAccessEntry({ ...entry, ...change } as AccessEntry);
const fields = [{ field: 'Person.name', decision: 'allowed' as const }];

describe('normalizeAccessEntry', () => {
  it('stores the time in UTC, subjects in canonical upper case, sorted, each with its own salt', () => {
    const normal = normalizeAccessEntry({
      ...entry,
      subjects: [
        { kind: 'person', id: SUBJECTS.employee.id, fields },
        { kind: 'person', id: '11010519491231002x', fields },
        { kind: 'company', id: SUBJECTS.companyInArrears.id, fields },
      ],
    });
    expect(normal.at).toBe('2026-03-10T08:30:00.000Z');
    expect(normal.subjects.map((subject) => subject.id)).toEqual([
      SUBJECTS.companyInArrears.id,
      ...['11010519491231002X', SUBJECTS.employee.id].sort(),
    ]);
    expect(new Set(normal.subjects.map((subject) => subject.salt)).size).toBe(3);
  });

  it('copies only the record model, so a value never reaches the log', () => {
    const normal = normalizeAccessEntry({
      ...entry,
      value: 'secret',
      caller: { ...entry.caller, token: 'eyJ' },
      subjects: [
        { ...entry.subjects[0]!, fields: [{ field: 'Person.phone', decision: 'allowed', value: '13800138000' }] },
      ],
    } as never);
    expect(JSON.stringify(normal)).not.toMatch(/secret|eyJ|13800138000/);
  });

  it('accepts an anonymous caller with no sub, azp or purpose, and an entry of refusals only', () => {
    const normal = normalizeAccessEntry({
      ...entry,
      caller: { kind: 'anonymous', sub: null, roles: [], azp: null },
      purpose: null,
      subjects: [],
    });
    expect(normal.caller).toEqual({ kind: 'anonymous', sub: null, roles: [], azp: null });
    expect(normal.denied).toEqual([{ field: 'SocialSecurityAccount.pensionBalance', count: 2 }]);
  });

  it('names the first problem of a malformed entry', () => {
    expect(broken({ at: 'yesterday' })).toThrow(/^at must be an ISO timestamp/);
    expect(broken({ requestId: '' })).toThrow(/requestId/);
    expect(broken({ department: 'Tax Bureau' })).toThrow(/department/);
    expect(broken({ caller: { ...entry.caller, kind: 'robot' } })).toThrow(/caller.kind/);
    expect(broken({ policy: 'v2' })).toThrow(/policy/);
    expect(broken({ subjects: [], denied: [] })).toThrow(/at least one/);
    expect(broken({ subjects: [{ kind: 'thing', id: 'x', fields }] })).toThrow(/subject.kind/);
    expect(broken({ subjects: [{ kind: 'person', id: 'HELLO-INJECTED-SUBJECT', fields }] })).toThrow(
      /not a well-formed resident ID/,
    );
    expect(broken({ subjects: [{ kind: 'company', id: SUBJECTS.citizen.id, fields }] })).toThrow(
      /not a well-formed USCC/,
    );
    expect(
      broken({
        subjects: [
          { ...SUBJECTS.citizen, fields },
          { ...SUBJECTS.citizen, fields },
        ],
      }),
    ).toThrow(/once/);
    expect(
      broken({ subjects: [{ ...SUBJECTS.citizen, fields: [{ field: 'Person.name', decision: 'denied' }] }] }),
    ).toThrow(/counted in denied/);
    expect(broken({ denied: [{ field: 'Person.name', count: 0 }] })).toThrow(/count/);
  });
});
