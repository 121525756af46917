import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../common/index.js';
import { checkApiKey } from './checkApiKey.js';
import type { TaxContext, TaxOperation, TaxRequest } from './TaxOperation.js';
import { TaxRefusal } from './TaxRefusal.js';
import { TAX_MAX_BODY_BYTES } from './taxLimits.js';
import { TAX_OPERATIONS } from './taxOperations.js';
import { TAX_RESULT_CODES, type TaxResultName } from './taxResultCodes.js';

/**
 * Serves the tax system's REST interface: checks the API key, routes by path to one of
 * TAX_OPERATIONS, reads the JSON body of POST operations, and wraps every answer in
 * `{ code, msg, data }`. Whatever the input, the answer is a wrapper with a result code.
 */
export function createTaxHandler(
  context: TaxContext,
  apiKey: string,
): (req: IncomingMessage, res: ServerResponse) => void {
  const operations = new Map<string, TaxOperation>(TAX_OPERATIONS.map((operation) => [operation.path, operation]));
  const refusalOf = checkApiKey(apiKey);
  return (req, res) => {
    // Credentials first: a caller without a key learns nothing, not even which paths exist.
    const keyRefusal = refusalOf(req);
    if (keyRefusal) return reply(res, keyRefusal);
    const target = req.url ?? '/';
    const queryStart = target.indexOf('?');
    const path = queryStart < 0 ? target : target.slice(0, queryStart);
    const operation = operations.get(path);
    if (!operation) return reply(res, 'noSuchOperation');
    if (req.method !== operation.method) {
      res.setHeader('allow', operation.method);
      return reply(res, 'methodNotAllowed', `${operation.name} takes ${operation.method}`);
    }
    const query = new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1));
    if (operation.method === 'GET') return answer(res, operation, { query, body: undefined }, context);
    readBody(req, TAX_MAX_BODY_BYTES).then(
      (text) => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return reply(res, 'malformedRequest', 'the body is not valid JSON');
        }
        answer(res, operation, { query, body }, context);
      },
      () => reply(res, 'bodyTooLarge', `at most ${TAX_MAX_BODY_BYTES} bytes`),
    );
  };
}

function answer(res: ServerResponse, operation: TaxOperation, request: TaxRequest, context: TaxContext): void {
  let data: unknown;
  try {
    data = operation.run(request, context);
  } catch (error) {
    if (error instanceof TaxRefusal) return reply(res, error.result, error.detail);
    // A defect must still answer in the system's own terms, and must not take it down.
    return reply(res, 'busy');
  }
  const { code, status, msg } = TAX_RESULT_CODES.success;
  sendJson(res, status, { code, msg, data });
}

function reply(res: ServerResponse, result: TaxResultName, detail?: string): void {
  const { code, status, msg } = TAX_RESULT_CODES[result];
  sendJson(res, status, { code, msg: detail === undefined ? msg : `${msg}: ${detail}`, data: null });
}
