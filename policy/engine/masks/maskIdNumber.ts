/**
 * A resident ID with the region (first 6) and the last 4 characters shown, the birth date and
 * sequence hidden (330106199001014641 → 330106********4641). Anything too short to keep 10
 * characters is hidden entirely.
 */
export function maskIdNumber(idNumber: string): string {
  const characters = Array.from(idNumber.trim());
  if (characters.length <= KEPT_CHARACTERS) return '*'.repeat(Math.max(characters.length, 4));
  return `${characters.slice(0, 6).join('')}${'*'.repeat(characters.length - KEPT_CHARACTERS)}${characters.slice(-4).join('')}`;
}

const KEPT_CHARACTERS = 10;
