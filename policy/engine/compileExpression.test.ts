import { describe, expect, it } from 'vitest';
import type { Caller } from '../../core/caller.js';
import { compileExpression } from './compileExpression.js';
import { isAlwaysTrue } from './isAlwaysTrue.js';
import type { PolicyExpression } from './types.js';
import {
  authenticatedPredicate,
  publicPredicate,
  purposePredicate,
  rolePredicate,
  selfPredicate,
} from './builtInPredicates.js';

const self: PolicyExpression = { kind: 'predicate', predicate: selfPredicate, names: [] };
const everyone: PolicyExpression = { kind: 'predicate', predicate: publicPredicate, names: [] };
const loggedIn: PolicyExpression = { kind: 'predicate', predicate: authenticatedPredicate, names: [] };
const taxRole: PolicyExpression = { kind: 'predicate', predicate: rolePredicate, names: ['tax-officer'] };
const auditPurpose: PolicyExpression = { kind: 'predicate', predicate: purposePredicate, names: ['tax-audit'] };
const rules = new Map<string, PolicyExpression>([
  ['taxOfficer', { kind: 'allOf', items: [taxRole, auditPurpose] }],
  ['selfOrTaxOfficer', { kind: 'anyOf', items: [self, { kind: 'rule', name: 'taxOfficer' }] }],
  ['everyoneAlias', everyone],
]);

const officer = (purpose: string | null): Caller => ({
  kind: 'officer',
  sub: 'staff-1',
  roles: ['tax-officer'],
  azp: null,
  purpose,
});
const resident: Caller = { kind: 'person', sub: 'P1', roles: [], azp: null, purpose: null };
const own = [{ kind: 'person' as const, id: 'P1' }];
const others = [{ kind: 'person' as const, id: 'P2' }];

describe('compileExpression', () => {
  it('allOf needs every item', () => {
    const taxOfficer = compileExpression({ kind: 'rule', name: 'taxOfficer' }, rules);
    expect(taxOfficer({ caller: officer('tax-audit'), subjects: others })).toBe(true);
    expect(taxOfficer({ caller: officer(null), subjects: others })).toBe(false);
  });
  it('anyOf needs one item, through named rules', () => {
    const rule = compileExpression({ kind: 'rule', name: 'selfOrTaxOfficer' }, rules);
    expect(rule({ caller: resident, subjects: own })).toBe(true);
    expect(rule({ caller: resident, subjects: others })).toBe(false);
    expect(rule({ caller: officer('tax-audit'), subjects: others })).toBe(true);
  });
  it('not inverts', () => {
    const notSelf = compileExpression({ kind: 'not', item: self }, rules);
    expect(notSelf({ caller: resident, subjects: own })).toBe(false);
    expect(notSelf({ caller: resident, subjects: others })).toBe(true);
  });
});

describe('isAlwaysTrue', () => {
  it('counts public, a rule that is public, and anyOf containing public', () => {
    expect(isAlwaysTrue(everyone, rules)).toBe(true);
    expect(isAlwaysTrue({ kind: 'rule', name: 'everyoneAlias' }, rules)).toBe(true);
    expect(isAlwaysTrue({ kind: 'anyOf', items: [self, everyone] }, rules)).toBe(true);
  });
  it('does not count anything narrower, nor not', () => {
    expect(isAlwaysTrue(loggedIn, rules)).toBe(false);
    expect(isAlwaysTrue({ kind: 'allOf', items: [everyone, self] }, rules)).toBe(false);
    expect(isAlwaysTrue({ kind: 'not', item: self }, rules)).toBe(false);
    expect(isAlwaysTrue({ kind: 'rule', name: 'selfOrTaxOfficer' }, rules)).toBe(false);
  });
});
