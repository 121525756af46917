import { badUserInput } from '../../../core/errors.js';

/**
 * What every department's legacy system takes as a write's request id (market and tax `qqlsh`,
 * social `ywlsh`): 1 to 128 of A-Z a-z 0-9 . _ : - (legacy-mocks/{market,tax,social}/README.md).
 * Checked here so a bad key is BAD_USER_INPUT before any call, not a legacy refusal after one.
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/** Checks a write's `idempotencyKey` argument and returns it unchanged. */
export function assertIdempotencyKey(value: string, argument = 'idempotencyKey'): string {
  if (!IDEMPOTENCY_KEY.test(value))
    throw badUserInput(argument, 'an idempotency key is 1 to 128 of the letters A-Z a-z, digits and . _ : -');
  return value;
}
