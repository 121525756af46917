import { describe, expect, it } from 'vitest';
import { SubgraphHeaders } from './SubgraphHeaders.js';

describe('SubgraphHeaders', () => {
  it('answers a header by any case, repeated values joined, as fetch Headers do', () => {
    const headers = new SubgraphHeaders({
      'content-type': 'application/json',
      'x-many': ['a', 'b'],
      absent: undefined,
    });
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('X-Many')).toBe('a, b');
    expect([headers.get('absent'), headers.has('absent'), headers.has('CONTENT-TYPE')]).toEqual([null, false, true]);
    expect([...headers]).toEqual([
      ['content-type', 'application/json'],
      ['x-many', 'a, b'],
    ]);
  });

  it('changes a copy without changing the original', () => {
    const original = new SubgraphHeaders({ 'cache-control': 'no-store' });
    const copy = new SubgraphHeaders(original);
    copy.append('Cache-Control', 'private');
    copy.set('x-one', '1');
    copy.delete('x-one');
    expect(copy.get('cache-control')).toBe('no-store, private');
    expect(original.get('cache-control')).toBe('no-store');
    expect([...copy.keys()]).toEqual(['cache-control']);
  });
});
