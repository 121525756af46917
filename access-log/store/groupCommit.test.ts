import { describe, expect, it } from 'vitest';
import type { AccessRecord } from '../record/AccessEntry.js';
import { normalizeAccessEntry, type NormalizedAccessEntry } from '../record/normalizeAccessEntry.js';
import { sampleEntry } from '../testing/sampleEntries.js';
import { startGroupCommit } from './groupCommit.js';

/** A writer whose groups stay unfinished until the test finishes them, in any order. */
function heldWriter() {
  const groups: Array<{ requestIds: string[]; finish(): void; fail(error: Error): void }> = [];
  let writing = 0;
  let mostAtOnce = 0;
  return {
    groups,
    mostAtOnce: () => mostAtOnce,
    write(entries: readonly NormalizedAccessEntry[]): Promise<AccessRecord[]> {
      writing += 1;
      mostAtOnce = Math.max(mostAtOnce, writing);
      return new Promise((resolve, reject) => {
        const done = () => (writing -= 1);
        groups.push({
          requestIds: entries.map((entry) => entry.requestId),
          finish: () => {
            done();
            resolve(entries.map((entry) => ({ requestId: entry.requestId }) as AccessRecord));
          },
          fail: (error) => {
            done();
            reject(error);
          },
        });
      });
    },
  };
}

const entry = (requestId: string) => normalizeAccessEntry(sampleEntry(requestId));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('startGroupCommit', () => {
  it('writes one group at a time by default: what arrives meanwhile is the next group', async () => {
    const writer = heldWriter();
    const commits = startGroupCommit({ write: writer.write, refusalWindowMs: 0 });
    const first = [commits.add(entry('a')), commits.add(entry('b'))];
    await tick();
    const later = [commits.add(entry('c')), commits.add(entry('d'))];
    await tick();
    expect(writer.groups.map((group) => group.requestIds)).toEqual([['a', 'b']]);
    writer.groups[0]!.finish();
    await Promise.all(first);
    await tick();
    expect(writer.groups.map((group) => group.requestIds)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    writer.groups[1]!.finish();
    await Promise.all(later);
    expect(writer.mostAtOnce()).toBe(1);
  });

  it('with concurrency 2, hands over the next group while the last is still being written, never a third', async () => {
    const writer = heldWriter();
    const commits = startGroupCommit({ write: writer.write, refusalWindowMs: 0, concurrency: 2 });
    const a = commits.add(entry('a'));
    await tick();
    const b = commits.add(entry('b'));
    await tick();
    const c = commits.add(entry('c'));
    const d = commits.add(entry('d'));
    await tick();
    expect(writer.groups.map((group) => group.requestIds)).toEqual([['a'], ['b']]);
    // A failed group fails only its own appends; the next one stands on its own.
    writer.groups[0]!.fail(new Error('disk full'));
    await expect(a).rejects.toThrow('disk full');
    await tick();
    expect(writer.groups.map((group) => group.requestIds)).toEqual([['a'], ['b'], ['c', 'd']]);
    writer.groups[1]!.finish();
    writer.groups[2]!.finish();
    expect((await b).requestId).toBe('b');
    expect((await Promise.all([c, d])).map((record) => record.requestId)).toEqual(['c', 'd']);
    expect(writer.mostAtOnce()).toBe(2);
  });

  it('drains only once every group handed over has been written', async () => {
    const writer = heldWriter();
    const commits = startGroupCommit({ write: writer.write, refusalWindowMs: 0, concurrency: 2 });
    void commits.add(entry('a'));
    let drained = false;
    const draining = commits.drain().then(() => (drained = true));
    await tick();
    expect(drained).toBe(false);
    writer.groups[0]!.finish();
    await draining;
    expect(drained).toBe(true);
  });
});
