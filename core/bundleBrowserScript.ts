import { build } from 'esbuild';

/**
 * A page's browser script, bundled from its TypeScript entry (and everything it imports) into one
 * minified ES module, in memory: the apps beside the gateway (portal/, workbench/) serve their own
 * script this way, built once at start, so nothing is fetched from another host.
 */
export async function bundleBrowserScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]!.text;
}
