/**
 * Hostile operations for the abuse suite and the hostile-neighbour benchmark: the shapes of
 * issue 11 (fragment graphs, alias and list amplification, deep nesting), generated from a seed
 * so a failing case can be replayed by its number.
 */

/** `query { ...F0 }` with F(i) = `__typename ...F(i+1) ...F(i+2)`: about 1.6^count selections once expanded. */
export function fragmentFamily(count: number, prefix = 'F'): string {
  const fragments = Array.from({ length: count }, (_, i) => {
    const spreads = [i + 1, i + 2].filter((next) => next < count).map((next) => `...${prefix}${next}`);
    return `fragment ${prefix}${i} on Query { __typename ${spreads.join(' ')} }`;
  });
  return `query { ...${prefix}0 } ${fragments.join(' ')}`;
}
