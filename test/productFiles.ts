import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Not the product: tests, type declarations, generated code, test helpers, the journeys and the benchmarks. */
const NOT_PRODUCT = /\.test\.ts$|\.d\.ts$|(^|\/)generated\/|(^|\/)testing\/|^test\/|^bench\//;

/**
 * The product's TypeScript files, as paths from the repository root: those git tracks and the new
 * ones it does not ignore, so a file added but not yet committed is held to the same rules.
 */
export const productFiles: readonly string[] = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'],
  { cwd: ROOT, encoding: 'utf8' },
)
  .split('\n')
  .filter((file) => file !== '' && !NOT_PRODUCT.test(file));

/** A product file's text, or null for one git lists but the work tree has deleted. */
export function readProductSource(file: string): string | null {
  try {
    return readFileSync(`${ROOT}${file}`, 'utf8');
  } catch {
    return null;
  }
}
