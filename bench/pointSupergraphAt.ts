/**
 * The committed supergraph with each subgraph's routing URL replaced: how a stock gateway (which
 * reads its routing from the supergraph only) is pointed at the benchmark's subgraphs.
 */
export function pointSupergraphAt(supergraphSdl: string, urls: Record<string, string>): string {
  let replaced = 0;
  const sdl = supergraphSdl.replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = urls[name];
    if (!url) return whole;
    replaced += 1;
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  if (replaced !== Object.keys(urls).length)
    throw new Error(`supergraph.graphql: ${replaced} of ${Object.keys(urls).length} routing URLs found`);
  return sdl;
}
