import { describe, expect, it } from 'vitest';
import { productFiles, readProductSource } from './productFiles.js';

/**
 * Settings are read once, handed down (issue 21): each process kind's config reader reads the
 * environment at start and passes one typed object down; nothing under it reads `process.env`
 * again with parsing and defaults of its own. This holds the product to it: a read anywhere but
 * in a config reader fails, naming the file and line.
 */

/** The config readers: the settings modules, and each piece's entry (its main.ts, or its CLI in scripts/). */
const CONFIG_READERS = [
  /^core\/config\//,
  /^gateway\/gatewayConfig\.ts$/,
  /^subgraphs\/kit\/subgraphConfig\.ts$/,
  /^legacy-mocks\/legacyMockConfig\.ts$/,
  /^workbench\/workbenchConfig\.ts$/,
  /(^|\/)main\.ts$/,
  /^scripts\//,
];

/**
 * Deep modules that still read a variable themselves: issue 21, step 1, not done yet. Each goes
 * from this list when its setting is handed down; the list only shrinks (a file left here that
 * no longer reads the environment fails too).
 */
const NOT_YET_HANDED_DOWN: string[] = [];

/** `file:line: text` of each line of the file that reads process.env. */
function environmentReads(file: string): string[] {
  const lines = readProductSource(file)?.split('\n') ?? [];
  return lines.flatMap((line, index) =>
    /\bprocess\.env\b/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
  );
}

describe('settings read once, handed down', () => {
  it('reads the product files', () => {
    expect(productFiles.length).toBeGreaterThan(300);
  });

  it('reads process.env only in the config readers', () => {
    const reads = productFiles
      .filter((file) => !CONFIG_READERS.some((reader) => reader.test(file)) && !NOT_YET_HANDED_DOWN.includes(file))
      .flatMap(environmentReads);
    expect(reads, 'hand the setting down from the config reader instead').toEqual([]);
  });

  it('lists as not yet handed down only files that still read process.env', () => {
    const done = NOT_YET_HANDED_DOWN.filter((file) => environmentReads(file).length === 0);
    expect(done, 'take these from NOT_YET_HANDED_DOWN').toEqual([]);
  });
});
