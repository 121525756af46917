import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../../core/caller.js';
import { residentIdCheckDigit, usccCheckCharacter } from '../../core/ids.js';
import {
  authenticatedPredicate,
  companySelfPredicate,
  publicPredicate,
  purposePredicate,
  rolePredicate,
  selfPredicate,
} from './builtInPredicates.js';
import { compileExpression } from './compileExpression.js';
import { createCompiledPolicy, type CompiledFieldRule } from './createCompiledPolicy.js';
import { createFieldDecider } from './createFieldDecider.js';
import { defineSubjects } from './defineSubjects.js';
import { subjectReadingOf, widerReading } from './subjectReadingOf.js';
import type { BuiltInPredicate, CompiledPolicy, DecisionBatch, FieldRule, PolicyExpression, Subject } from './types.js';

// A policy compiled by the engine alone (the engine's tests read no file): a tax department's
// rules of each kind — public, authenticated, companySelf or a role with a purpose, self with a mask.
const is = (predicate: BuiltInPredicate, names: string[] = []): PolicyExpression => ({
  kind: 'predicate',
  predicate,
  names,
});
const rules = new Map<string, PolicyExpression>([
  ['taxOfficer', { kind: 'allOf', items: [is(rolePredicate, ['tax-officer']), is(purposePredicate, ['tax-audit'])] }],
]);
const taxOfficer: PolicyExpression = { kind: 'rule', name: 'taxOfficer' };
const fieldRules: Record<string, FieldRule> = {
  'Company.name': { allow: is(publicPredicate) },
  'Company.status': { allow: is(publicPredicate) },
  'Company.arrears': { allow: { kind: 'anyOf', items: [is(companySelfPredicate), taxOfficer] } },
  'Company.profile': { allow: is(authenticatedPredicate) },
  'Person.phone': { allow: is(selfPredicate), mask: { when: taxOfficer, style: 'phone' } },
  'Person.phones': { allow: is(selfPredicate), mask: { when: taxOfficer, style: 'phone' } },
  'Person.legacyNote': { allow: is(selfPredicate) },
};
const policy = createCompiledPolicy(
  'tax',
  new Map(
    Object.entries(fieldRules).map(([coordinate, rule]): [string, CompiledFieldRule] => [
      coordinate,
      {
        allow: compileExpression(rule.allow, rules),
        mask: rule.mask && { when: compileExpression(rule.mask.when, rules), style: rule.mask.style },
        public: rule.allow.kind === 'predicate' && rule.allow.predicate === publicPredicate,
        reads: rule.mask
          ? widerReading(subjectReadingOf(rule.allow, rules), subjectReadingOf(rule.mask.when, rules))
          : subjectReadingOf(rule.allow, rules),
      },
    ]),
  ),
  new Map([
    ['Company', new Set(['uscc'])],
    ['Person', new Set(['id'])],
  ]),
  { hash: 'test-version', department: 'tax', document: '{}' },
);
const callers = {
  resident: (sub: string): Caller => ({ kind: 'person', sub, roles: [], azp: 'portal', purpose: null }),
  company: (sub: string): Caller => ({ kind: 'company', sub, roles: [], azp: 'portal', purpose: null }),
  officer: (roles: string[], purpose: string | null): Caller => ({
    kind: 'officer',
    sub: 'staff-1',
    roles,
    azp: null,
    purpose,
  }),
};

// Well-formed IDs made here (the engine's tests start no piece and read no data set).
const companies = Array.from({ length: 40 }, (_, i) => {
  const first17 = `91330105MA${String(1000000 + i)}`;
  return first17 + usccCheckCharacter(first17);
});
const residents = Array.from({ length: 40 }, (_, i) => {
  const first17 = `33010619820419${String(100 + i)}`;
  return first17 + residentIdCheckDigit(first17);
});
const subjects = defineSubjects<{ Company: { uscc: string }; Person: { id: string } }>({
  Company: { about: 'the company', subjects: (parent) => [{ kind: 'company', id: parent.uscc }] },
  Person: { about: 'the person', subjects: (parent) => [{ kind: 'person', id: parent.id }] },
});

/** The policy, counting the decisions it is asked for. */
function counted(of: CompiledPolicy): { policy: CompiledPolicy; asked(): number } {
  let asked = 0;
  return { policy: { ...of, decide: (...args) => ((asked += 1), of.decide(...args)) }, asked: () => asked };
}

/** Every company of the list asked for one field, in one request. */
function decideList(of: CompiledPolicy, caller: Caller, fieldName = 'arrears') {
  const decider = createFieldDecider({ getPolicy: () => of, subjects });
  const context = { caller };
  return companies.map((uscc) =>
    decider.decide({ typeName: 'Company', fieldName, parent: { uscc }, args: {}, context }),
  );
}

const direct = (caller: Caller, typeName: string, fieldName: string, about: readonly Subject[]) =>
  policy.decide(typeName, fieldName, { caller, subjects: about });

describe('createFieldDecider', () => {
  it('decides a rule of roles and purposes once per field for a whole list, as the policy would each item', () => {
    const auditor = callers.officer(['tax-officer'], 'tax-audit');
    const { policy: counting, asked } = counted(policy);
    const decisions = decideList(counting, auditor);
    expect(asked()).toBe(1);
    expect(decisions).toEqual(
      companies.map((uscc) => direct(auditor, 'Company', 'arrears', [{ kind: 'company', id: uscc }])),
    );
  });

  it('decides companySelf at most twice per field for a whole list: the caller among the subjects, or not', () => {
    const own = callers.company(companies[7]!);
    const { policy: counting, asked } = counted(policy);
    const decisions = decideList(counting, own);
    expect(asked()).toBe(2);
    expect(decisions.filter((decision) => decision.effect === 'allow')).toHaveLength(1);
    expect(decisions).toEqual(
      companies.map((uscc) => direct(own, 'Company', 'arrears', [{ kind: 'company', id: uscc }])),
    );
  });

  it('decides per distinct subjects when the policy does not say what a rule reads', () => {
    const { reads: _reads, ...withoutReads } = policy;
    const { policy: counting, asked } = counted(withoutReads);
    decideList(counting, callers.company(companies[0]!));
    expect(asked()).toBe(companies.length);
  });

  it("gives every value the policy's own decision, for every caller, field and subject", () => {
    const everyCaller: Caller[] = [
      ANONYMOUS,
      callers.company(companies[3]!),
      callers.resident(residents[5]!),
      callers.officer(['tax-officer'], 'tax-audit'),
      callers.officer(['tax-officer'], null),
      callers.officer(['social-officer'], 'benefit-claim'),
    ];
    const questions = [
      ...['name', 'arrears', 'profile', 'status'].flatMap((fieldName) =>
        companies.slice(0, 10).map((uscc) => ({ typeName: 'Company', fieldName, parent: { uscc } })),
      ),
      ...['phone', 'phones', 'legacyNote', 'id'].flatMap((fieldName) =>
        residents.slice(0, 10).map((id) => ({ typeName: 'Person', fieldName, parent: { id } })),
      ),
    ];
    for (const caller of everyCaller) {
      const decider = createFieldDecider({ getPolicy: () => policy, subjects });
      const context = { caller };
      for (const question of questions) {
        const about = subjects[question.typeName]!.subjects(question.parent, {});
        expect(decider.decide({ ...question, args: {}, context })).toEqual(
          direct(caller, question.typeName, question.fieldName, about),
        );
      }
    }
  });

  it("batches a request's decisions per protected field and decision, with every value's subjects", () => {
    const batches: DecisionBatch[] = [];
    const decider = createFieldDecider({
      getPolicy: () => policy,
      subjects,
      onDecisionBatch: (batch) => batches.push(batch),
    });
    const context = { caller: callers.company(companies[1]!) };
    for (const uscc of companies.slice(0, 5))
      for (const fieldName of ['name', 'arrears'])
        decider.decide({ typeName: 'Company', fieldName, parent: { uscc }, args: {}, context });
    // name is public (not recorded); arrears allowed once (the caller's own) and denied four times.
    expect(
      batches.map(({ typeName, fieldName, decision, subjectLists }) => ({
        typeName,
        fieldName,
        decision,
        subjectLists,
      })),
    ).toEqual([
      {
        typeName: 'Company',
        fieldName: 'arrears',
        decision: { effect: 'deny' },
        subjectLists: [0, 2, 3, 4].map((i) => [{ kind: 'company', id: companies[i] }]),
      },
      {
        typeName: 'Company',
        fieldName: 'arrears',
        decision: { effect: 'allow' },
        subjectLists: [[{ kind: 'company', id: companies[1] }]],
      },
    ]);
    expect(batches.every((batch) => batch.policy === 'test-version' && batch.department === 'tax')).toBe(true);
  });
});
