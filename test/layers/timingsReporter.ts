import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** Where the per-file timings are kept, for whoever wonders which tests make the suite slow. */
const TIMINGS_FILE = new URL('../TIMINGS.md', import.meta.url);
const ROW = /^\| `([^`]+)` \| (\w+) \| (\d+) \| ([\d.]+) \| ([\d-]+) \|$/;

interface Row {
  file: string;
  layer: string;
  tests: number;
  seconds: number;
  measured: string;
}

/**
 * Writes test/TIMINGS.md after every run: one row per test file (layer, tests, seconds, the day it
 * was measured), slowest first, with each layer's total. A run of some files updates their rows
 * and keeps the others, so the table stays whole; rows of files that no longer exist are dropped.
 */
export default class TimingsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (testModules.length === 0) return;
    const root = process.cwd();
    const rows = new Map(readRows().map((row) => [row.file, row]));
    const today = new Date().toISOString().slice(0, 10);
    for (const module of testModules) {
      if (module.state() === 'skipped' || module.state() === 'pending') continue;
      const file = relative(root, module.moduleId);
      rows.set(file, {
        file,
        layer: module.project.name || 'default',
        tests: [...module.children.allTests()].length,
        seconds: module.diagnostic().duration / 1000,
        measured: today,
      });
    }
    const kept = [...rows.values()].filter((row) => existsSync(row.file)).sort((a, b) => b.seconds - a.seconds);
    writeFileSync(TIMINGS_FILE, render(kept));
  }
}

function readRows(): Row[] {
  if (!existsSync(TIMINGS_FILE)) return [];
  return readFileSync(TIMINGS_FILE, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const match = ROW.exec(line);
      return match
        ? [
            {
              file: match[1]!,
              layer: match[2]!,
              tests: Number(match[3]),
              seconds: Number(match[4]),
              measured: match[5]!,
            },
          ]
        : [];
    });
}

function render(rows: Row[]): string {
  const layers = [...new Set(rows.map((row) => row.layer))].sort();
  const total = (layer: string) => rows.filter((row) => row.layer === layer).reduce((sum, row) => sum + row.seconds, 0);
  return [
    '# Test timings',
    '',
    'Written by `test/layers/timingsReporter.ts` after every vitest run (each run updates the rows of the files it ran).',
    "Seconds are each file's own test and hook time on the machine that ran it, not wall time: files run two at",
    'a time on a 2-core machine, so a layer takes about half its sum plus start-up.',
    '',
    '| layer | files | seconds (sum) |',
    '|---|---|---|',
    ...layers.map(
      (layer) => `| ${layer} | ${rows.filter((row) => row.layer === layer).length} | ${total(layer).toFixed(1)} |`,
    ),
    '',
    '| file | layer | tests | seconds | measured |',
    '|---|---|---|---|---|',
    ...rows.map(
      (row) => `| \`${row.file}\` | ${row.layer} | ${row.tests} | ${row.seconds.toFixed(2)} | ${row.measured} |`,
    ),
    '',
  ].join('\n');
}
