/**
 * A name with only its first character shown, one * per hidden character (谢小明 → 谢**).
 * A one-character name would be shown whole, so it is hidden entirely.
 */
export function maskName(name: string): string {
  // Array.from counts characters, not UTF-16 units, so rare CJK characters mask as one.
  const characters = Array.from(name.trim());
  if (characters.length <= 1) return '*';
  return `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}
