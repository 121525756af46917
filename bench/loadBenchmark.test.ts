import { describe, expect, it } from 'vitest';
import { renderLoadResults } from './renderLoadResults.js';
import { runLoadBenchmark, settingsFor, type LoadBenchmarkResults } from './runLoadBenchmark.js';

// No timing assertions: the machines are shared and noisy; bench/RESULTS.md reports the figures.
describe('the load benchmark in smoke mode', () => {
  let results: LoadBenchmarkResults;

  it('measures our gateway and the stock gateway on the company profile and reports well-formed figures', async () => {
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
    const markdown = renderLoadResults(results, { command: 'test' });
    expect(markdown).toContain('| contender | requests/s | p50 ms | p99 ms | CPU ms per request |');
    expect(markdown).toContain('### Growth');
    expect(markdown).not.toContain('NaN');
  }, 60_000);

  it('makes the same legacy calls for a company profile with 1, 10, 100 or 1,000 shareholders', () => {
    expect(results.growth.map((row) => [row.contender, row.shareholders])).toEqual([
      [1, 1],
      [1, 10],
      [1, 100],
      [1, 1000],
    ]);
    const calls = results.growth.map((row) => row.legacyCallsPerRequest);
    for (const row of calls) expect(row).toEqual(calls[0]);
    expect(calls[0]!.market).toBeGreaterThan(0);
  });
});
