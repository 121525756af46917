import type { CompiledPolicy, Decision } from '../engine/index.js';
import type { CallerProfile } from './callerProfiles.js';

/** One cell of the explanation: the decision, and the purposes it takes when it depends on one. */
export interface ExplainedCell {
  decision: Decision;
  /** The purposes that get this decision where stating none gets less; null when the purpose does not matter. */
  purposes: readonly string[] | null;
}

/**
 * What a profile gets for a field, computed by calling the policy's own `decide` with the
 * profile's caller and subjects, so the explanation and enforcement cannot disagree. For an
 * officer with a choice of purposes, the best decision any of them gets.
 */
export function explainField(
  policy: CompiledPolicy,
  typeName: string,
  fieldName: string,
  profile: CallerProfile,
): Decision {
  return explainCell(policy, typeName, fieldName, profile).decision;
}

/** explainField with the purposes that matter, for the explanation's cells and the end-to-end tests. */
export function explainCell(
  policy: CompiledPolicy,
  typeName: string,
  fieldName: string,
  profile: CallerProfile,
): ExplainedCell {
  const decideWith = (purpose: string | null) =>
    policy.decide(typeName, fieldName, { caller: { ...profile.caller, purpose }, subjects: profile.subjects });
  const withoutPurpose = decideWith(null);
  const tried = profile.purposes.map((purpose) => ({
    purpose,
    decision: purpose === null ? withoutPurpose : decideWith(purpose),
  }));
  const best = Math.max(...tried.map((option) => rank(option.decision)));
  const winners = tried.filter((option) => rank(option.decision) === best);
  if (best <= rank(withoutPurpose)) return { decision: withoutPurpose, purposes: null };
  return {
    decision: winners[0]!.decision,
    purposes: winners.map((option) => option.purpose).filter((purpose): purpose is string => purpose !== null),
  };
}

function rank(decision: Decision): number {
  return decision.effect === 'allow' ? 2 : decision.effect === 'mask' ? 1 : 0;
}
