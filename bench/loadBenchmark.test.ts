import { describe, expect, it } from 'vitest';
import { renderLoadResults } from './renderLoadResults.js';
import { runLoadBenchmark, settingsFor, type LoadBenchmarkResults } from './runLoadBenchmark.js';

// No timing assertions: the machines are shared and noisy; bench/RESULTS.md reports the figures.
// Smoke mode starts every piece as its own process, as npm run bench does, but from the sources
// through tsx (no compile step here; test/build.test.ts starts the same entries from a build).
describe('the load benchmark in smoke mode', () => {
  let results: LoadBenchmarkResults;

  it('measures our gateway and the stock gateway on the company profile, piece by piece, and reports well-formed figures', async () => {
    results = await runLoadBenchmark(settingsFor('smoke'));
    expect(results.answerDifferences).toEqual([]);
    expect(results.cells.map((cell) => [cell.contender, cell.scenario, cell.latency])).toEqual([
      [1, 'company profile', '0 ms'],
      [3, 'company profile', '0 ms'],
    ]);
    for (const cell of results.cells) {
      expect(cell.failed).toBe(0);
      expect(cell.answered).toBeGreaterThan(0);
      expect(cell.requestsPerSecond).toBeGreaterThan(0);
      expect(cell.p99Ms).toBeGreaterThanOrEqual(cell.p50Ms);
      expect(cell.cpuMsPerRequest).toBeGreaterThan(0);
      expect(cell.peakMemoryMb).toBeGreaterThan(10);
      expect(cell.legacyCallsPerRequest.total).toBeGreaterThan(0);
    }
    // Each piece its own process: contender 1 reaches the subgraphs as deployed, 3 those without protections.
    const names = (contender: number) =>
      results.cells.find((cell) => cell.contender === contender)!.pieces.map((piece) => piece.name);
    expect(names(1)).toEqual(expect.arrayContaining(['subgraph market', 'subgraph tax', 'stand-in market']));
    expect(names(1)).not.toContain('open subgraph market');
    expect(names(3)).toEqual(expect.arrayContaining(['open subgraph market', 'stand-in social']));
    const market = results.cells[0]!.pieces.find((piece) => piece.name === 'subgraph market')!;
    expect(market.cpuMsPerRequest).toBeGreaterThan(0);
    expect(market.peakMemoryMb).toBeGreaterThan(10);
    const markdown = renderLoadResults(results, { command: 'test' });
    expect(markdown).toContain('| contender | requests/s | p50 ms | p99 ms | CPU ms per request |');
    expect(markdown).toContain('### Growth');
    expect(markdown).toContain("### Issue 23's aims, computed from this run's figures");
    expect(markdown).toContain('| peak RSS (VmHWM), subgraph market |');
    expect(markdown).not.toContain('NaN');
  }, 240_000);

  it('makes the same legacy calls for a company profile with 1 or 1,000 shareholders', () => {
    expect(results.growth.map((row) => [row.contender, row.shareholders])).toEqual([
      [1, 1],
      [1, 1000],
    ]);
    const calls = results.growth.map((row) => row.legacyCallsPerRequest);
    for (const row of calls) expect(row).toEqual(calls[0]);
    expect(calls[0]!.market).toBeGreaterThan(0);
  });
});
