import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The product's code stays readable in one sitting (issue 21): no file over MAX_FILE_LINES lines,
 * no function over MAX_FUNCTION_LINES. Generated code, tests, test helpers and the benchmarks
 * are not the product and are left out. A file or function that grows past these is split by
 * concern, as graphql-js keeps one concept per file.
 */
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 100;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOT_PRODUCT = /\.test\.ts$|\.d\.ts$|(^|\/)generated\/|(^|\/)testing\/|^test\/|^bench\//;

const productFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file !== '' && !NOT_PRODUCT.test(file));

function readSource(file: string): string | null {
  try {
    return readFileSync(`${ROOT}${file}`, 'utf8');
  } catch {
    return null; // listed by git but deleted in the work tree
  }
}

describe('the shape of the product code', () => {
  it('reads the product files', () => {
    expect(productFiles.length).toBeGreaterThan(300);
  });

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = productFiles.flatMap((file) => {
      const lines = readSource(file)?.split('\n').length ?? 0;
      return lines > MAX_FILE_LINES ? [`${file}: ${lines} lines`] : [];
    });
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of productFiles) {
      const text = readSource(file);
      if (text === null) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - first + 1;
          if (lines > MAX_FUNCTION_LINES) long.push(`${file}:${first + 1}: ${lines} lines`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});
