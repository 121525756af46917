import { badUserInput } from '../../core/errors.js';
import { canonicalId, residentIdProblem, usccProblem } from '../../core/ids.js';

/**
 * Checks a USCC argument before any legacy call and returns its canonical (upper-case) form.
 * A bad one is a BAD_USER_INPUT error saying what is wrong, without echoing the value.
 */
export function assertValidUscc(value: string, argument = 'uscc'): string {
  const problem = usccProblem(value);
  if (problem) throw badUserInput(argument, problem);
  return canonicalId(value);
}

/** Checks a resident ID argument before any legacy call and returns its canonical form (X upper case). */
export function assertValidResidentId(value: string, argument = 'id'): string {
  const problem = residentIdProblem(value);
  if (problem) throw badUserInput(argument, problem);
  return canonicalId(value);
}
