import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertIdempotencyKey } from './assertIdempotencyKey.js';

describe('assertIdempotencyKey', () => {
  it('takes what the legacy systems take as qqlsh/ywlsh: 1 to 128 of A-Z a-z 0-9 . _ : -', () => {
    expect(assertIdempotencyKey('app-17:tax.register_1')).toBe('app-17:tax.register_1');
    expect(assertIdempotencyKey('k'.repeat(128))).toHaveLength(128);
    for (const bad of ['', 'k'.repeat(129), 'with space', 'ключ', 'a/b']) {
      expect(() => assertIdempotencyKey(bad)).toThrow(GraphQLError);
      try {
        assertIdempotencyKey(bad);
      } catch (error) {
        expect((error as GraphQLError).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'idempotencyKey',
        });
      }
    }
  });
});
