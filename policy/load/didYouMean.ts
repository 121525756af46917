/**
 * " Did you mean 'x'?" (or 'x' or 'y') for a misspelt name, or '' when nothing is close:
 * the hint graphql-js gives for unknown fields, for privacy officers' typos.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const close = closestNames(input, candidates);
  if (close.length === 0) return '';
  const quoted = close.map((name) => `'${name}'`);
  return ` Did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`}?`;
}

/**
 * The candidates closest to the input (case-insensitive), if within a few edits: only those at
 * the smallest distance, so 'oneOf' suggests 'anyOf' and not every short word. At most MAX_SUGGESTIONS.
 */
export function closestNames(input: string, candidates: Iterable<string>): string[] {
  const wanted = input.toLowerCase();
  // Like graphql-js's suggestionList: allow about 40% of the word to differ, at least one edit.
  const threshold = Math.floor(wanted.length * 0.4) + 1;
  const scored: Array<{ name: string; distance: number }> = [];
  for (const name of new Set(candidates)) {
    const distance = name.toLowerCase() === wanted ? 0 : editDistance(wanted, name.toLowerCase());
    if (distance <= threshold) scored.push({ name, distance });
  }
  const best = Math.min(...scored.map((entry) => entry.distance));
  return scored
    .filter((entry) => entry.distance === best)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.name);
}

const MAX_SUGGESTIONS = 3;

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
