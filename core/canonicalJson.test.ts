import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: null, e: 'x' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"e":"x","f":null}]},"b":1}',
    );
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does (upper case before lower, not by locale)', () => {
    expect(canonicalJson({ b: 0, B: 0, a: 0, é: 0, _: 0 })).toBe('{"B":0,"_":0,"a":0,"b":0,"é":0}');
  });

  it('escapes strings exactly as JSON.stringify does, keeping non-ASCII text as is', () => {
    expect(canonicalJson({ name: '谢军辉 "x"\n' })).toBe('{"name":"谢军辉 \\"x\\"\\n"}');
  });

  it('keeps array order, which is part of the record', () => {
    expect(canonicalJson(['b', 'a'])).not.toBe(canonicalJson(['a', 'b']));
  });

  it('refuses values that serialisers write differently or not at all', () => {
    expect(() => canonicalJson({ amount: 0.1 })).toThrow(/safe integer/);
    expect(() => canonicalJson({ missing: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson({ when: new Date(0) })).toThrow(/plain objects/);
  });
});
