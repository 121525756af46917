import { describe, expect, it } from 'vitest';
import { findRetainedText } from './findRetainedText.js';

describe('findRetainedText', () => {
  it('finds text in nested, hidden, mapped and buffered values, each object once', () => {
    const hidden = {};
    Object.defineProperty(hidden, 'kept', { value: 'id 110101', enumerable: false });
    const root: Record<string, unknown> = {
      a: { b: ['x', 'id 110101'] },
      hidden,
      map: new Map([['k', 'id 110101']]),
      buffer: Buffer.from('id 110101'),
    };
    root.self = root;
    expect(findRetainedText(root, '110101').sort()).toEqual(['.a.b.1', '.buffer', '.hidden.kept', '.map.get(k)']);
  });

  it('does not read getters, which compute rather than retain', () => {
    const root = {};
    Object.defineProperty(root, 'computed', { get: () => 'id 110101' });
    expect(findRetainedText(root, '110101')).toEqual([]);
  });
});
