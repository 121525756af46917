import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** What a chain may be called: it is part of every record's hash and of log lines. */
export const CHAIN_NAME = /^[A-Za-z0-9._:@-]{1,120}$/;

/**
 * A chain name for a writer: its role (the department), host and process, and a random part, so
 * a restarted process starts a chain of its own and two replicas never share one by accident
 * (if they did, they would still take turns on the chain's row, never fork it).
 */
export function newChainName(writer = 'writer'): string {
  const host =
    hostname()
      .replace(/[^A-Za-z0-9.-]/g, '-')
      .slice(0, 40) || 'host';
  return `${writer.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 32)}@${host}:${process.pid}.${randomBytes(4).toString('hex')}`;
}
