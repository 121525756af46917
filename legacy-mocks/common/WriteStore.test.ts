import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteStore, type WriteRecord } from './WriteStore.js';

// The write store over a real file in a temporary folder: no socket, so the unit layer.

let folder: string;
let file: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'write-store-'));
  file = join(folder, 'nested', 'system-1.jsonl');
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A store over `file` whose state is a counter per name, as a stand-in's book would be. */
function open(now = () => new Date('2026-12-01T00:00:00Z')) {
  const counts = new Map<string, number>();
  const store = WriteStore.open({
    file,
    now,
    apply: (record: WriteRecord) => {
      const { name } = record.input as { name: string };
      counts.set(name, (counts.get(name) ?? 0) + 1);
    },
  });
  const add = (key: string, name: string) =>
    store.write('add', key, { name }, () => ({ number: (counts.get(name) ?? 0) + 1 }));
  return { store, counts, add };
}

describe('WriteStore', () => {
  it('writes once per key: a retry replays the first answer, another request under the key is refused', () => {
    const { store, counts, add } = open();
    expect(add('k1', 'a')).toEqual({ kind: 'written', answer: { number: 1 } });
    expect(add('k1', 'a')).toEqual({ kind: 'replayed', answer: { number: 1 } });
    expect(add('k1', 'b')).toEqual({ kind: 'keyReused', operation: 'add' });
    expect(store.write('other', 'k1', { name: 'a' }, () => ({}))).toEqual({ kind: 'keyReused', operation: 'add' });
    expect(counts.get('a')).toBe(1);
    expect(store.log()).toEqual([{ operation: 'add', key: 'k1', at: '2026-12-01T00:00:00.000Z' }]);
    store.close();
  });

  it('remembers nothing of a refused write: the same key is checked afresh', () => {
    const { store, add } = open();
    expect(() =>
      store.write('add', 'k1', { name: 'a' }, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(add('k1', 'a').kind).toBe('written');
    store.close();
  });

  it('asks the refusal hook only for new writes', () => {
    let refusing = false;
    const store = WriteStore.open({ apply: () => {}, refusal: () => (refusing ? new Error('no') : null) });
    store.write('add', 'k1', {}, () => ({ ok: true }));
    refusing = true;
    expect(() => store.write('add', 'k2', {}, () => ({ ok: true }))).toThrow('no');
    expect(store.write('add', 'k1', {}, () => ({ ok: true })).kind).toBe('replayed');
  });

  it('reads its writes back after a restart: the state, the log and the first answers', () => {
    const first = open();
    first.add('k1', 'a');
    first.add('k2', 'a');
    first.store.close();
    const second = open();
    expect(second.counts.get('a')).toBe(2);
    expect(second.store.log().map((entry) => entry.key)).toEqual(['k1', 'k2']);
    expect(second.add('k2', 'a')).toEqual({ kind: 'replayed', answer: { number: 2 } });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    second.store.close();
  });

  it('drops a last line cut short by a crash, and appends after the last whole line', () => {
    const first = open();
    first.add('k1', 'a');
    first.store.close();
    appendFileSync(file, '{"operation":"add","key":"k2","at":"2026');
    const second = open();
    expect(second.store.log().map((entry) => entry.key)).toEqual(['k1']);
    second.add('k3', 'b');
    second.store.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.map((line) => (line ? JSON.parse(line).key : ''))).toEqual(['k1', 'k3', '']);
  });

  it('refuses to start over a damaged line, naming it', () => {
    writeFileSync(
      join(folder, 'damaged.jsonl'),
      '{"operation":"add","key":"k1","at":"x","input":{"name":"a"}}\nnot json\n',
    );
    file = join(folder, 'damaged.jsonl');
    expect(() => open()).toThrow(/damaged\.jsonl:2: not a JSON line/);
  });

  it('keeps writes in memory when given no file', () => {
    const store = WriteStore.open({ apply: () => {} });
    store.write('add', 'k1', { name: 'a' }, () => ({ ok: true }));
    expect(store.log()).toHaveLength(1);
    store.close();
  });
});
