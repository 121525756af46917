import { describe, expect, it } from 'vitest';
import { SUBJECTS } from '../../../access-log/testing/sampleEntries.js';
import type { AccessorView } from '../AccessView.js';
import { Accessor } from './Accessor.js';

type Field = Exclude<keyof typeof Accessor, '__isTypeOf'>;

/** One field of an accessor as the resolver answers it (the policy's decision aside: AccessView.test.ts). */
function read(field: Field, caller: Partial<AccessorView['caller']>, subject = SUBJECTS.citizen): unknown {
  const view: AccessorView = { subject, caller: { kind: 'person', sub: null, roles: [], azp: null, ...caller } };
  const resolve = Accessor[field] as unknown as (
    parent: AccessorView,
    args: object,
    context: object,
    info: object,
  ) => unknown;
  return resolve(view, {}, {}, {});
}

describe('Accessor', () => {
  it("gives an officer's roles, and the departments owning them from the registry", () => {
    const officer = { kind: 'officer', sub: 'staff-7', roles: ['tax-officer'] };
    expect(read('roles', officer)).toEqual(['tax-officer']);
    expect(read('department', officer)).toBe('tax');
    expect(read('department', { ...officer, roles: ['privacy-officer'] })).toBe('platform');
    expect(read('department', { ...officer, roles: ['tax-officer', 'social-officer', 'tax-officer'] })).toBe(
      'tax, social',
    );
    expect(read('department', { ...officer, roles: ['no-such-role'] })).toBeNull();
  });

  it('gives roles, a department and a staff id to officers only', () => {
    const company = { kind: 'company', sub: SUBJECTS.companyInArrears.id, roles: ['tax-officer'] };
    expect(read('roles', company)).toEqual([]);
    expect(read('department', company)).toBeNull();
    expect(read('staffId', company)).toBeNull();
    expect(read('staffId', { kind: 'officer', sub: 'staff-7' })).toBe('staff-7');
  });

  it('gives who it was for every kind of caller (the policy keeps it for privacy officers)', () => {
    expect(read('id', { kind: 'officer', sub: 'staff-7' })).toBe('staff-7');
    expect(read('id', { kind: 'company', sub: SUBJECTS.companyInArrears.id })).toBe(SUBJECTS.companyInArrears.id);
    expect(read('id', { kind: 'anonymous', sub: null })).toBeNull();
  });

  it('marks the subject reading their own log as self, whatever the case of the token', () => {
    expect(read('self', { kind: 'person', sub: SUBJECTS.citizen.id })).toBe(true);
    expect(read('self', { kind: 'person', sub: SUBJECTS.citizen.id.toLowerCase() })).toBe(true);
    expect(read('self', { kind: 'person', sub: SUBJECTS.employee.id })).toBe(false);
    expect(read('self', { kind: 'anonymous', sub: null })).toBe(false);
  });

  it('answers a caller kind the log never writes with null rather than an error', () => {
    expect(read('kind', { kind: 'officer' })).toBe('OFFICER');
    expect(read('kind', { kind: 'anonymous' })).toBe('ANONYMOUS');
    expect(read('kind', { kind: 'robot' })).toBeNull();
  });

  it("gives the application the request came through (the token's azp)", () => {
    expect(read('application', { azp: 'city-portal' })).toBe('city-portal');
  });
});
