import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { addressListSetting, findClientAddress, matchAddresses } from './findClientAddress.js';

/** A request as the server sees it: the peer's address and the X-Forwarded-For header, if any. */
const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const clientOf = findClientAddress([]);
    expect(clientOf(request('192.0.2.7', '198.51.100.1'))).toBe('192.0.2.7');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const clientOf = findClientAddress(['10.0.0.10']);
    expect(clientOf(request('192.0.2.7', '198.51.100.1'))).toBe('192.0.2.7');
  });

  it('is the address a trusted proxy appended, not what the client wrote before it', () => {
    const clientOf = findClientAddress(['10.0.0.0/24']);
    expect(clientOf(request('10.0.0.10', '198.51.100.1'))).toBe('198.51.100.1');
    // The client sent "X-Forwarded-For: 203.0.113.9"; the balancer appended the address it saw.
    expect(clientOf(request('10.0.0.10', '203.0.113.9, 198.51.100.1'))).toBe('198.51.100.1');
    // Two trusted hops: the first untrusted address from the right.
    expect(clientOf(request('10.0.0.10', '203.0.113.9, 2001:db8:1:2::5, 10.0.0.11'))).toBe('2001:db8:1:2::5');
  });

  it('trusts an IPv4 proxy that connects over IPv6 as an IPv4-mapped address', () => {
    const clientOf = findClientAddress(['127.0.0.1']);
    expect(clientOf(request('::ffff:127.0.0.1', '2001:db8::1'))).toBe('2001:db8::1');
  });

  it('counts the proxy itself when it forwarded something that is no address', () => {
    const clientOf = findClientAddress(['10.0.0.10']);
    expect(clientOf(request('10.0.0.10', 'not-an-address'))).toBe('10.0.0.10');
    expect(clientOf(request('10.0.0.10', ''))).toBe('10.0.0.10');
  });
});

describe('OPERATOR_ADDRESSES and TRUSTED_PROXIES', () => {
  it('match addresses and ranges, IPv4-mapped IPv6 as IPv4', () => {
    const isOperator = matchAddresses(['10.1.0.0/16', '2001:db8:ff::/48', '192.0.2.5']);
    expect(isOperator('10.1.200.3')).toBe(true);
    expect(isOperator('::ffff:10.1.0.1')).toBe(true);
    expect(isOperator('2001:db8:ff:1::1')).toBe(true);
    expect(isOperator('192.0.2.5')).toBe(true);
    expect(isOperator('192.0.2.6')).toBe(false);
    expect(isOperator('unknown')).toBe(false);
  });

  it('are read as a list separated by commas or spaces, and a malformed entry is named', () => {
    expect(addressListSetting.parse('10.0.0.10, 10.0.1.0/24  ::1,loopback')).toEqual([
      '10.0.0.10',
      '10.0.1.0/24',
      '::1',
      'loopback',
    ]);
    const refused = addressListSetting.safeParse('10.0.0.10, lb.internal');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('"lb.internal"');
    expect(addressListSetting.safeParse('10.0.0.0/33').success).toBe(false);
  });
});
