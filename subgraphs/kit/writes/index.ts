/** What a department's write needs around its legacy call: the key's check and the refusal reading. */
export { assertIdempotencyKey } from './assertIdempotencyKey.js';
export { callSoapWrite, type RefusalReasons } from './callSoapWrite.js';
export { MAX_REASON, optionalReason, requiredText } from './writeText.js';
