import { describe, expect, it } from 'vitest';
import type { AccessEntry } from './AccessEntry.js';
import { normalizeAccessEntry } from './normalizeAccessEntry.js';
import { vouchForSubjects } from './vouchedSubjects.js';
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

  it('gives every subject a salt of its own, 128 random bits, drawn in one call per record', () => {
    const normal = normalizeAccessEntry(
      sampleEntry('r1', [SUBJECTS.citizen, SUBJECTS.employee, SUBJECTS.companyInArrears]),
    );
    const again = normalizeAccessEntry(sampleEntry('r2', [SUBJECTS.citizen]));
    const salts = [...normal.subjects, ...again.subjects].map((subject) => subject.salt);
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(salts).size).toBe(4);
  });

  it("does not check a vouched-for entry's IDs and fields one by one, but still its kinds, counts and duplicates", () => {
    // What only the per-subject checks catch: a made-up ID and a field that is no "Type.field".
    const unchecked = {
      ...entry,
      subjects: [{ kind: 'person' as const, id: 'nobody', fields: [{ field: 'odd', decision: 'allowed' as const }] }],
    };
    expect(() => normalizeAccessEntry({ ...unchecked })).toThrow(/resident ID/);
    expect(normalizeAccessEntry(vouchForSubjects({ ...unchecked })).subjects).toEqual([
      expect.objectContaining({ id: 'NOBODY', fields: [{ field: 'odd', decision: 'allowed' }] }),
    ]);
    // The cheap checks stay: kind, each subject once (in canonical form), fields present, and the record's own parts.
    const vouched = (change: Record<string, unknown>) => () =>
      normalizeAccessEntry(vouchForSubjects({ ...entry, ...change } as AccessEntry));
    expect(vouched({ subjects: [{ kind: 'alien', id: SUBJECTS.citizen.id, fields }] })).toThrow(/kind/);
    expect(
      vouched({
        subjects: [
          { kind: 'person', id: '11010519491231002x', fields },
          { kind: 'person', id: '11010519491231002X', fields },
        ],
      }),
    ).toThrow(/once/);
    expect(vouched({ subjects: [{ ...SUBJECTS.citizen, fields: [] }] })).toThrow(/fields/);
    expect(vouched({ department: 'Tax!' })).toThrow(/department/);
    // Vouching is for the object vouched for, not for a copy of it.
    const original = vouchForSubjects({ ...unchecked });
    expect(() => normalizeAccessEntry({ ...original })).toThrow(/resident ID/);
  });
});
