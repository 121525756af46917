import { badUserInput } from '../../../core/errors.js';

/** The longest reason a department's officer or applicant may give with a decision or a withdrawal. */
export const MAX_REASON = 200;

/** A text argument trimmed, present and within `max` characters (not UTF-16 units), else BAD_USER_INPUT naming it. */
export function requiredText(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw badUserInput(argument, 'it must not be empty');
  if ([...text].length > max) throw badUserInput(argument, `at most ${max} characters`);
  return text;
}

/** An optional reason: null when absent or blank, else at most MAX_REASON characters. */
export function optionalReason(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if ([...text].length > MAX_REASON) throw badUserInput('reason', `at most ${MAX_REASON} characters`);
  return text;
}
