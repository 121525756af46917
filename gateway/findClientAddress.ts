import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/**
 * Where a request comes from, for the limits of anonymous callers (limitCallers.ts) and the
 * operators' routes: the peer that connected, or, when that peer is one of `trustedProxies`
 * (TRUSTED_PROXIES: addresses, CIDR ranges, or proxy-addr's `loopback`, `linklocal`,
 * `uniquelocal`), the address it forwarded. X-Forwarded-For is walked from the right, the hop
 * each proxy appended, past trusted hops only, so whatever a client wrote into the header itself
 * lies beyond the first untrusted hop and is never read. From an untrusted peer the header is
 * ignored. With no trusted proxies the header is never read.
 */
export function findClientAddress(trustedProxies: readonly string[]): (req: IncomingMessage) => string {
  const peer = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies.length === 0) return peer;
  const trust = proxyaddr.compile([...trustedProxies]);
  return (req) => {
    const address = proxyaddr(req, trust);
    // A trusted proxy forwards addresses; anything else there (a port, a name) is counted as the peer.
    return typeof address === 'string' && isIP(address) !== 0 ? address : peer(req);
  };
}

/** Whether an address is in a list of addresses and CIDR ranges (OPERATOR_ADDRESSES); IPv4-mapped IPv6 matches IPv4. */
export function matchAddresses(list: readonly string[]): (address: string) => boolean {
  const matches = proxyaddr.compile([...list]);
  return (address) => isIP(address) !== 0 && matches(address, 0);
}

/**
 * A setting that lists addresses: separated by commas or spaces, each an IPv4 or IPv6 address,
 * a CIDR range (`10.0.0.0/8`, `fd00::/8`) or one of proxy-addr's names (`loopback`, `linklocal`,
 * `uniquelocal`). A malformed entry stops the start, named.
 */
export const addressListSetting = z.string().transform((text, context) => {
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
  const malformed = entries.find((entry) => {
    try {
      proxyaddr.compile(entry);
      return false;
    } catch {
      return true;
    }
  });
  if (malformed === undefined) return entries;
  context.addIssue({
    code: 'custom',
    message: `must list addresses or CIDR ranges separated by commas; "${malformed.slice(0, 60)}" is neither`,
  });
  return z.NEVER;
});
