import { pathOf, type SoapFault, type UnavailableReason } from '../../kit/index.js';

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

/** The bureau's own error code of a fault (detail/errorCode), or null when it sent none. */
export function readErrorCode(fault: SoapFault): string | null {
  const code = pathOf(fault.detail, 'errorCode');
  return typeof code === 'string' ? code : null;
}

/**
 * Why a bureau fault failed a call, by its error code; undefined for a code this table does not
 * know, which kit then reads from the faultcode (soap:Client is 'rejected', else 'fault').
 */
export function toSocialFaultReason(fault: SoapFault): UnavailableReason | undefined {
  const code = readErrorCode(fault);
  // Own entries only: a code such as 'constructor' must not find Object's prototype.
  return code !== null && Object.hasOwn(SOCIAL_FAULT_REASONS, code) ? SOCIAL_FAULT_REASONS[code] : undefined;
}
