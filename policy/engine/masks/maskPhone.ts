/**
 * A phone number with only the first 3 and last 4 digits shown (13812345678 → 138****5678):
 * enough to recognise a number, not to dial it. Separators are dropped; a number too short to
 * keep 7 digits is hidden entirely.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= KEPT_DIGITS) return '*'.repeat(Math.max(digits.length, 4));
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - KEPT_DIGITS)}${digits.slice(-4)}`;
}

const KEPT_DIGITS = 7;
