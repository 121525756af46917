/**
 * The two national identifiers the graph joins on, and their check digits.
 *
 * - Resident ID (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
 *   (odd for men, even for women), and an ISO 7064 MOD 11-2 check character (0-9 or X).
 * - Unified social credit code, USCC (GB 32100-2015): 18 characters from a 31-letter alphabet
 *   with no I, O, S, V, Z; the last one is a MOD 31 check character.
 *
 * One module for the whole product: the legacy mocks generate identifiers with it, the
 * subgraphs check input with it, so both always agree on what "valid" means.
 */

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_ID_PATTERN = /^\d{17}[\dX]$/;

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 digits of a resident ID: (12 − Σ mod 11) mod 11, 10 written X. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError('a resident ID body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** The USCC check character for its first 17 characters: alphabet[(31 − Σ mod 31) mod 31], weights 3^(i−1) mod 31. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new TypeError('a USCC body is 17 characters');
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new TypeError(`'${first17[i]}' is not in the USCC alphabet`);
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * Why a string is not a valid resident ID, or null when it is. The reason never repeats the
 * input, so it can go into an error message without putting a person's ID into a response or log.
 */
export function residentIdProblem(value: string): string | null {
  if (typeof value !== 'string' || value.length !== 18) return 'a resident ID has 18 characters';
  const upper = value.toUpperCase();
  if (!RESIDENT_ID_PATTERN.test(upper)) return 'a resident ID is 17 digits followed by a digit or X';
  const birth = upper.slice(6, 14);
  if (!isCalendarDate(birth)) return 'characters 7-14 of a resident ID must be a birth date (yyyyMMdd)';
  if (upper[17] !== residentIdCheckDigit(upper.slice(0, 17)))
    return 'the check digit of the resident ID does not match';
  return null;
}

/** Why a string is not a valid USCC, or null when it is. Like residentIdProblem, it never echoes the input. */
export function usccProblem(value: string): string | null {
  if (typeof value !== 'string' || value.length !== 18) return 'a USCC has 18 characters';
  const upper = value.toUpperCase();
  if (!USCC_PATTERN.test(upper)) return 'a USCC uses only 0-9 and A-Y without I, O, S, V and Z';
  if (upper[17] !== usccCheckCharacter(upper.slice(0, 17))) return 'the check character of the USCC does not match';
  return null;
}

export function isValidResidentId(value: string): boolean {
  return residentIdProblem(value) === null;
}

export function isValidUscc(value: string): boolean {
  return usccProblem(value) === null;
}

/** Identifiers are compared in their canonical form: upper case (a lower-case x check digit is common in forms). */
export function canonicalId(value: string): string {
  return value.toUpperCase();
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1850 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
