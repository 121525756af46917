import { describe, expect, it } from 'vitest';
import { DEPARTMENT_SETTINGS as SUBGRAPHS } from '../../registry/departments.js';
import { checkPolicies } from '../check/index.js';
import { governedFields } from '../engine/index.js';
import { callerProfiles } from './callerProfiles.js';
import { explainDecision } from './explainDecision.js';

const check = checkPolicies({ departments: SUBGRAPHS.map(({ name, schemaFile }) => ({ name, schemaFile })) });

describe('explainDecision', () => {
  it('gives the compiled policy’s own decision for every field, profile and purpose of the shipped policy, with its line', () => {
    let explained = 0;
    for (const { policy, schema } of check.policies) {
      for (const profile of callerProfiles(check.registry!)) {
        for (const purpose of profile.purposes) {
          const input = { caller: { ...profile.caller, purpose }, subjects: profile.subjects };
          for (const { typeName, fieldName } of governedFields(schema)) {
            const result = explainDecision(policy, typeName, fieldName, input);
            expect(result.decision).toEqual(policy.decide(typeName, fieldName, input));
            expect(result.at?.line).toBeGreaterThan(0);
            explained++;
          }
        }
      }
    }
    expect(explained).toBeGreaterThan(1000);
  });

  it('names the rule and the shared rule that decided, with their files and lines', () => {
    const tax = check.policies.find((entry) => entry.department === 'tax')!.policy;
    const caller = { kind: 'officer' as const, sub: 's', roles: ['tax-officer'], azp: null, purpose: 'tax-audit' };
    const result = explainDecision(tax, 'Person', 'incomeTax', { caller, subjects: [{ kind: 'person', id: 'p' }] });
    expect(result.decision).toEqual({ effect: 'allow' });
    expect(result.reason[0]).toMatch(/^Person\.incomeTax \(tax\.yaml:\d+\): personOrTaxOfficer$/);
    expect(result.reason.join('\n')).toMatch(
      /taxOfficer \(rules\.yaml:\d+\) = allOf \[role tax-officer, purpose tax-audit or taxpayer-service\]: holds/,
    );
  });

  it('says an unclassified field is denied by default', () => {
    const tax = check.policies.find((entry) => entry.department === 'tax')!.policy;
    const result = explainDecision(tax, 'Person', 'nothing', {
      caller: { kind: 'anonymous', purpose: null },
      subjects: [],
    });
    expect(result).toEqual({
      decision: { effect: 'deny' },
      at: null,
      reason: ['Person.nothing is not classified in the tax policy: denied by default.'],
    });
  });
});
