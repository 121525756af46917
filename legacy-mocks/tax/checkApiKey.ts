import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TaxResultName } from './taxResultCodes.js';

/**
 * Builds the X-Api-Key check: null when the header carries the key, else the refusal. Keys
 * are compared as digests in constant time, so the answer time does not leak the key.
 */
export function checkApiKey(apiKey: string): (req: IncomingMessage) => TaxResultName | null {
  const expected = digest(apiKey);
  return (req) => {
    const presented = req.headers['x-api-key'];
    if (presented === undefined || presented === '') return 'missingApiKey';
    if (typeof presented !== 'string' || !timingSafeEqual(digest(presented), expected)) return 'wrongApiKey';
    return null;
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
