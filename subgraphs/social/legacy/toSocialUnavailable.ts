import type { GraphQLError } from 'graphql';
import { departmentUnavailable, type UnavailableReason } from '../../kit/errors.js';

/**
 * The bureau's fault codes (soap:Fault detail/errorCode, legacy-mocks/social/README.md) and what
 * each means for the graph. Credentials and request faults are 'rejected': the bureau refused
 * what we sent, which a retry will not fix. Service faults are 'fault'.
 */
export const SOCIAL_FAULT_REASONS: Readonly<Record<string, UnavailableReason>> = {
  E1001: 'rejected', // missing UsernameToken
  E1002: 'rejected', // wrong username or password
  E1003: 'rejected', // password type other than PasswordText
  E2001: 'rejected', // malformed envelope
  E2002: 'rejected', // envelope too large
  E3001: 'rejected', // malformed resident ID
  E3002: 'rejected', // malformed USCC
  E3003: 'rejected', // malformed period
  E3004: 'rejected', // period range reversed
  E3005: 'rejected', // over a documented maximum
  E3006: 'rejected', // missing parameter
  E4001: 'rejected', // no such resident (socialClient answers it as "no contributions" where it can)
  E9000: 'fault', // internal error
  E9999: 'fault', // service busy
};

/** The bureau's fault code of a failed call, or null when the failure was not a SOAP fault. */
export function readFaultCode(error: unknown): string | null {
  const fault = pathOf(error, 'root', 'Envelope', 'Body', 'Fault');
  if (fault === undefined) return null;
  const code = pathOf(fault, 'detail', 'errorCode');
  return typeof code === 'string' ? code : '';
}

/**
 * Why a call to the social insurance system failed, as the graph's DEPARTMENT_UNAVAILABLE error.
 * The original error is kept as the cause, for logs; the message holds no legacy text.
 */
export function toSocialUnavailable(error: unknown, timedOut: boolean): GraphQLError {
  return departmentUnavailable('social', timedOut ? 'timeout' : reasonOf(error), error);
}

function reasonOf(error: unknown): UnavailableReason {
  const code = readFaultCode(error);
  if (code !== null) {
    const known = SOCIAL_FAULT_REASONS[code];
    if (known) return known;
    const faultcode = pathOf(error, 'root', 'Envelope', 'Body', 'Fault', 'faultcode');
    return typeof faultcode === 'string' && faultcode.endsWith('Client') ? 'rejected' : 'fault';
  }
  // The soap package attaches the HTTP response to errors that got one.
  const status = pathOf(error, 'response', 'status');
  if (typeof status !== 'number') return 'unreachable';
  if (status >= 500) return 'fault';
  // A 4xx that is no SOAP fault is not the bureau's service answering: a wrong URL or a proxy.
  if (status >= 400) return 'unreachable';
  return 'malformed';
}

function pathOf(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
