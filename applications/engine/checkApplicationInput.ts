import { badUserInput } from '../../core/errors.js';
import type { GraphQLError } from 'graphql';
import type { Matter } from '../matters/Matter.js';
import type { Applicant } from './ApplicationRun.js';

const PATTERNS = {
  text: /\S/,
  decimal: /^\d{1,15}(\.\d{1,2})?$/,
  period: /^\d{4}-(0[1-9]|1[0-2])$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
} as const;
const WHAT = {
  text: 'must not be empty',
  decimal: 'must be an amount such as 100000.00',
  period: 'must be a month as YYYY-MM',
  date: 'must be a date as YYYY-MM-DD',
} as const;
/** A typed value longer than this is refused: no form field of a city's needs more. */
export const MAX_INPUT_LENGTH = 500;

/**
 * The first problem with an application before anything is written: an applicant of a kind the
 * matter does not serve, an input missing, unknown, too long or of the wrong form. BAD_USER_INPUT
 * naming the input, never echoing its value (it may be personal).
 */
export function applicationInputProblem(
  matter: Matter,
  applicant: Applicant,
  input: Readonly<Record<string, unknown>>,
): GraphQLError | null {
  if (!matter.applicants.includes(applicant.kind))
    return badUserInput('applicant', `the matter ${matter.name} is for ${matter.applicants.join(' or ')} applicants`);
  for (const name of Object.keys(input))
    if (!matter.inputs[name]) return badUserInput(`input.${name}`, `the matter ${matter.name} asks for no such input`);
  for (const [name, field] of Object.entries(matter.inputs)) {
    const value = input[name];
    if (typeof value !== 'string') return badUserInput(`input.${name}`, 'is missing');
    if (value.length > MAX_INPUT_LENGTH)
      return badUserInput(`input.${name}`, `is longer than ${MAX_INPUT_LENGTH} characters`);
    if (field.type === 'choice') {
      if (!field.choices?.includes(value))
        return badUserInput(`input.${name}`, `must be one of ${field.choices?.join(', ')}`);
    } else if (!PATTERNS[field.type].test(value)) return badUserInput(`input.${name}`, WHAT[field.type]);
  }
  return null;
}
