import { describe, expect, it } from 'vitest';
import { companySelfPredicate, publicPredicate, rolePredicate, selfPredicate } from './builtInPredicates.js';
import { subjectReadingOf, widerReading } from './subjectReadingOf.js';
import type { BuiltInPredicate, PolicyExpression } from './types.js';

const is = (predicate: BuiltInPredicate, names: string[] = []): PolicyExpression => ({
  kind: 'predicate',
  predicate,
  names,
});
const readsAll: BuiltInPredicate = { ...publicPredicate, name: 'hypothetical', reads: 'subjects' };
const rules = new Map<string, PolicyExpression>([
  ['officer', { kind: 'allOf', items: [is(rolePredicate, ['tax-officer'])] }],
  ['ownOrOfficer', { kind: 'anyOf', items: [is(companySelfPredicate), { kind: 'rule', name: 'officer' }] }],
]);

describe('subjectReadingOf', () => {
  it('reads nothing of the subjects for rules of roles, purposes and public', () => {
    expect(subjectReadingOf({ kind: 'rule', name: 'officer' }, rules)).toBe('nothing');
    expect(subjectReadingOf(is(publicPredicate), rules)).toBe('nothing');
  });

  it('takes the widest reading of every branch, through named rules and not', () => {
    expect(subjectReadingOf({ kind: 'rule', name: 'ownOrOfficer' }, rules)).toBe('callerAmongSubjects');
    expect(subjectReadingOf({ kind: 'not', item: is(selfPredicate) }, rules)).toBe('callerAmongSubjects');
    expect(subjectReadingOf({ kind: 'anyOf', items: [is(selfPredicate), is(readsAll)] }, rules)).toBe('subjects');
  });

  it('counts a rule it cannot follow as reading everything', () => {
    expect(subjectReadingOf({ kind: 'rule', name: 'unknown' }, rules)).toBe('subjects');
  });

  it('orders the readings nothing < callerAmongSubjects < subjects', () => {
    expect(widerReading('nothing', 'callerAmongSubjects')).toBe('callerAmongSubjects');
    expect(widerReading('subjects', 'callerAmongSubjects')).toBe('subjects');
    expect(widerReading('nothing', 'nothing')).toBe('nothing');
  });
});
