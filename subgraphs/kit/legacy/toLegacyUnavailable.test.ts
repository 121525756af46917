import { AxiosError, CanceledError } from 'axios';
import { describe, expect, it } from 'vitest';
import { badUserInput } from '../../../core/errors.js';
import { toLegacyUnavailable, type LegacyFailureContext } from './toLegacyUnavailable.js';

const inTime: LegacyFailureContext = { timedOut: false };

/** What the `soap` package throws for a soap:Fault answer: the parsed envelope as `root`. */
function soapFault(faultcode: unknown, detail?: unknown) {
  return Object.assign(new Error('soap fault'), {
    response: { status: 500 },
    root: { Envelope: { Body: { Fault: { faultcode, faultstring: 'x', detail } } } },
  });
}

function reasonOf(error: unknown, context: LegacyFailureContext = inTime): unknown {
  const unavailable = toLegacyUnavailable('market', error, context);
  expect(unavailable.extensions).toMatchObject({ code: 'DEPARTMENT_UNAVAILABLE', department: 'market' });
  expect(unavailable.originalError).toBe(error);
  return unavailable.extensions.reason;
}

describe('toLegacyUnavailable', () => {
  it('reads a timeout from the guard, whatever the abort made of the error', () => {
    expect(reasonOf(new Error('socket hang up'), { timedOut: true })).toBe('timeout');
    expect(reasonOf(new CanceledError())).toBe('timeout');
    expect(reasonOf(new AxiosError('timeout', 'ECONNABORTED'))).toBe('timeout');
  });

  it('reads a soap:Client fault as rejected and any other fault as fault, unless the department knows the fault', () => {
    expect(reasonOf(soapFault('soap:Client'))).toBe('rejected');
    expect(reasonOf(soapFault({ $value: 'soap:Client.Authentication' }))).toBe('rejected');
    expect(reasonOf(soapFault('soap:Server'))).toBe('fault');
    expect(reasonOf(soapFault(undefined))).toBe('fault');
    const byCode: LegacyFailureContext = {
      timedOut: false,
      faultReason: (fault) => ((fault.detail as { code?: string })?.code === 'BUSY' ? 'fault' : undefined),
    };
    expect(reasonOf(soapFault('soap:Client', { code: 'BUSY' }), byCode)).toBe('fault');
    expect(reasonOf(soapFault('soap:Client', { code: 'OTHER' }), byCode)).toBe('rejected');
  });

  it('reads HTTP answers without a fault by their status', () => {
    const answered = (status: number) => Object.assign(new Error('http'), { response: { status } });
    expect(reasonOf(answered(503))).toBe('fault');
    expect(reasonOf(answered(404))).toBe('unreachable');
    expect(reasonOf(answered(200))).toBe('malformed');
  });

  it('reads a failed connection as unreachable and an oversized answer as malformed', () => {
    expect(reasonOf(new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED'))).toBe('unreachable');
    expect(reasonOf(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }))).toBe(
      'unreachable',
    );
    expect(reasonOf(new AxiosError('maxContentLength size of 10 exceeded', 'ERR_BAD_RESPONSE'))).toBe('malformed');
  });

  it('reads anything else, which arose while reading an answer, as malformed', () => {
    expect(reasonOf(new SyntaxError('Unexpected close tag'))).toBe('malformed');
  });

  it('passes a product error through unchanged', () => {
    const refused = badUserInput('uscc', 'wrong check character');
    expect(toLegacyUnavailable('market', refused, inTime)).toBe(refused);
  });
});
