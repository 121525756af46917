/**
 * What every stand-in accepts as a write's idempotency key (the caller's request id for it): up to
 * 128 letters, digits and `.`, `_`, `:`, `-`, so a workflow can compose one from an application and
 * a step (`app-7f3c…:market.register`). Anything else is refused before the write is looked at.
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export const IDEMPOTENCY_KEY_RULE = 'up to 128 of A-Z a-z 0-9 . _ : -';

/** Why a value is not an idempotency key, or null when it is one. Never echoes the value. */
export function idempotencyKeyProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return 'the request serial number is required';
  return IDEMPOTENCY_KEY.test(value) ? null : `the request serial number must be ${IDEMPOTENCY_KEY_RULE}`;
}
