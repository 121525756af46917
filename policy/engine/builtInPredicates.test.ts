import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../../core/caller.js';
import { isCallerAmong } from './isCallerAmong.js';
import type { DecisionInput, Subject } from './types.js';
import {
  builtInPredicates,
  authenticatedPredicate,
  companySelfPredicate,
  publicPredicate,
  purposePredicate,
  rolePredicate,
  selfPredicate,
} from './builtInPredicates.js';

const person = (sub: string): Caller => ({ kind: 'person', sub, roles: [], azp: 'portal', purpose: null });
const company = (sub: string): Caller => ({ kind: 'company', sub, roles: [], azp: 'portal', purpose: null });
const officer = (roles: string[], purpose: string | null): Caller => ({
  kind: 'officer',
  sub: 'staff-7',
  roles,
  azp: 'console',
  purpose,
});
const about = (...subjects: Subject[]): readonly Subject[] => subjects;
const input = (caller: Caller, subjects: readonly Subject[] = []): DecisionInput => ({ caller, subjects });

describe('builtInPredicates', () => {
  it('lists each predicate once, by the name policy files use', () => {
    expect(builtInPredicates.map((predicate) => predicate.name)).toEqual([
      'public',
      'authenticated',
      'self',
      'companySelf',
      'role',
      'purpose',
    ]);
  });
});

describe('public', () => {
  it('holds for an anonymous caller', () => {
    expect(publicPredicate.holds(input(ANONYMOUS), [])).toBe(true);
  });
});

describe('authenticated', () => {
  it('holds for any verified caller and not for an anonymous one', () => {
    expect(authenticatedPredicate.holds(input(person('P1')), [])).toBe(true);
    expect(authenticatedPredicate.holds(input(officer([], null)), [])).toBe(true);
    expect(authenticatedPredicate.holds(input(ANONYMOUS), [])).toBe(false);
  });
});

describe('self', () => {
  it('holds for a person who is one of the subjects', () => {
    expect(
      selfPredicate.holds(input(person('P1'), about({ kind: 'person', id: 'P2' }, { kind: 'person', id: 'P1' })), []),
    ).toBe(true);
  });
  it('does not hold for someone else, or without subjects', () => {
    expect(selfPredicate.holds(input(person('P1'), about({ kind: 'person', id: 'P2' })), [])).toBe(false);
    expect(selfPredicate.holds(input(person('P1')), [])).toBe(false);
  });
  it('does not let a company whose USCC equals a subject id pass as that person', () => {
    expect(selfPredicate.holds(input(company('X1'), about({ kind: 'person', id: 'X1' })), [])).toBe(false);
  });
});

describe('companySelf', () => {
  it('holds for a company that is one of the subjects', () => {
    expect(
      companySelfPredicate.holds(
        input(company('C1'), about({ kind: 'person', id: 'P1' }, { kind: 'company', id: 'C1' })),
        [],
      ),
    ).toBe(true);
  });
  it('does not hold for another company or for a person', () => {
    expect(companySelfPredicate.holds(input(company('C2'), about({ kind: 'company', id: 'C1' })), [])).toBe(false);
    expect(companySelfPredicate.holds(input(person('C1'), about({ kind: 'company', id: 'C1' })), [])).toBe(false);
  });
});

describe('role', () => {
  it('holds when the caller has any of the roles named', () => {
    expect(rolePredicate.holds(input(officer(['tax-officer'], null)), ['market-officer', 'tax-officer'])).toBe(true);
  });
  it('does not hold for other roles or anonymous callers', () => {
    expect(rolePredicate.holds(input(officer(['tax-officer'], null)), ['social-officer'])).toBe(false);
    expect(rolePredicate.holds(input(ANONYMOUS), ['social-officer'])).toBe(false);
  });
});

describe('purpose', () => {
  it('holds when the stated purpose is one of those named', () => {
    expect(purposePredicate.holds(input(officer([], 'tax-audit')), ['tax-audit', 'taxpayer-service'])).toBe(true);
  });
  it('does not hold without a purpose or with another one', () => {
    expect(purposePredicate.holds(input(officer([], null)), ['tax-audit'])).toBe(false);
    expect(purposePredicate.holds(input(officer([], 'benefit-claim')), ['tax-audit'])).toBe(false);
  });
  it('does not hold for an anonymous caller who states a purpose', () => {
    expect(purposePredicate.holds(input({ kind: 'anonymous', purpose: 'tax-audit' }), ['tax-audit'])).toBe(false);
  });
});

describe('what each predicate reads of the subjects', () => {
  // The field decider reuses a decision for values a rule cannot tell apart, by what its
  // predicates declare they read: a predicate that read more would be decided wrongly.
  const everyCaller: Caller[] = [
    ANONYMOUS,
    { kind: 'anonymous', purpose: 'tax-audit' },
    person('P1'),
    person('C1'),
    company('C1'),
    company('P1'),
    officer(['tax-officer'], 'tax-audit'),
    officer([], null),
    { kind: 'officer', sub: 'P1', roles: ['market-officer'], azp: null, purpose: 'market-supervision' },
  ];
  const everySubjects: Array<readonly Subject[]> = [
    [],
    about({ kind: 'person', id: 'P1' }),
    about({ kind: 'person', id: 'P2' }),
    about({ kind: 'company', id: 'C1' }),
    about({ kind: 'company', id: 'C2' }),
    about({ kind: 'person', id: 'C1' }, { kind: 'company', id: 'P1' }),
    about({ kind: 'person', id: 'P2' }, { kind: 'company', id: 'C1' }),
    about({ kind: 'person', id: 'P1' }, { kind: 'company', id: 'C2' }),
  ];
  const everyNames = [[], ['tax-officer'], ['tax-audit', 'market-supervision'], ['market-officer']];

  it.each(builtInPredicates.map((predicate) => [predicate.name, predicate] as const))(
    '%s gives the same answer for any two subject lists its declared reading cannot tell apart',
    (_name, predicate) => {
      const view = (caller: Caller, subjects: readonly Subject[]) =>
        predicate.reads === 'nothing'
          ? ''
          : predicate.reads === 'callerAmongSubjects'
            ? String(isCallerAmong(caller, subjects))
            : JSON.stringify(subjects);
      for (const caller of everyCaller)
        for (const names of everyNames)
          for (const a of everySubjects)
            for (const b of everySubjects)
              if (view(caller, a) === view(caller, b))
                expect(predicate.holds(input(caller, a), names)).toBe(predicate.holds(input(caller, b), names));
    },
  );

  it('declares self and companySelf as reading only whether the caller is among the subjects, the rest nothing', () => {
    expect(Object.fromEntries(builtInPredicates.map((predicate) => [predicate.name, predicate.reads]))).toEqual({
      public: 'nothing',
      authenticated: 'nothing',
      self: 'callerAmongSubjects',
      companySelf: 'callerAmongSubjects',
      role: 'nothing',
      purpose: 'nothing',
    });
  });
});
