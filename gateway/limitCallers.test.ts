import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../core/index.js';
import { addressKeyOf, rateLimitKeyOf } from './limitCallers.js';

describe('the budget of an anonymous address', () => {
  it('is one per IPv4 address', () => {
    expect(addressKeyOf('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKeyOf('192.0.2.2')).not.toBe(addressKeyOf('192.0.2.1'));
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address, in either notation', () => {
    expect(addressKeyOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressKeyOf('::FFFF:c000:0201')).toBe('192.0.2.1');
    expect(addressKeyOf('0:0:0:0:0:ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('is one per IPv6 /64, however the address is written', () => {
    const key = addressKeyOf('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    for (const sameNetwork of [
      '2001:db8:1:2:ffff:ffff:ffff:ffff',
      '2001:0DB8:0001:0002:0:0:0:9',
      '2001:db8:1:2:a::b',
      '2001:db8:1:2::1%eth0',
      '2001:db8:1:2::192.0.2.1',
    ])
      expect(addressKeyOf(sameNetwork), sameNetwork).toBe(key);
    for (const otherNetwork of ['2001:db8:1:3::1', '2001:db8::1', '2001:db9:1:2::1', '::1'])
      expect(addressKeyOf(otherNetwork), otherNetwork).not.toBe(key);
  });

  it('expands a compressed run of zeros in the network part', () => {
    expect(addressKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(addressKeyOf('2001:db8:0:0:1::')).toBe('2001:db8:0:0::/64');
  });

  it('keeps something that is no address as it is, shortened', () => {
    expect(addressKeyOf('unknown')).toBe('unknown');
    expect(addressKeyOf('x'.repeat(500))).toHaveLength(64);
  });
});

describe('whose units a request spends', () => {
  it('is the signed-in caller wherever it comes from, and the address of an anonymous one', () => {
    const person = { kind: 'person', sub: 'P1', roles: [], azp: null, purpose: null } as const;
    expect(rateLimitKeyOf(person, '192.0.2.1')).toBe(rateLimitKeyOf(person, '2001:db8::1'));
    expect(rateLimitKeyOf(person, '192.0.2.1')).toBe('person:P1');
    expect(rateLimitKeyOf(ANONYMOUS, '2001:db8:1:2::1')).toBe(rateLimitKeyOf(ANONYMOUS, '2001:db8:1:2::2'));
    expect(rateLimitKeyOf(ANONYMOUS, '192.0.2.1')).toBe('address:192.0.2.1');
  });
});
