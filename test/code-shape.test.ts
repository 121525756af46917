import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { productFiles, readProductSource } from './productFiles.js';

/**
 * The product's code stays readable in one sitting (issue 21): no file over MAX_FILE_LINES lines,
 * no function over MAX_FUNCTION_LINES. Generated code, tests, test helpers and the benchmarks
 * are not the product and are left out. A file or function that grows past these is split by
 * concern, as graphql-js keeps one concept per file.
 */
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 100;

describe('the shape of the product code', () => {
  it('reads the product files', () => {
    expect(productFiles.length).toBeGreaterThan(300);
  });

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    const long = productFiles.flatMap((file) => {
      const lines = readProductSource(file)?.split('\n').length ?? 0;
      return lines > MAX_FILE_LINES ? [`${file}: ${lines} lines`] : [];
    });
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const file of productFiles) {
      const text = readProductSource(file);
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
