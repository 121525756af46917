import type { ServerResponse } from 'node:http';
import { sendJson, type FaultResponses } from '../common/index.js';
import { TAX_RESULT_CODES } from './taxResultCodes.js';

/**
 * How the tax system shows the injected faults: an HTTP 500 with `{ code: "9999", msg: "系统繁忙" }`
 * as its gateway sends when overloaded, and a 200 whose JSON is cut short mid-answer.
 */
export const taxFaultResponses: FaultResponses = {
  error(res: ServerResponse) {
    const { code, status, msg } = TAX_RESULT_CODES.busy;
    sendJson(res, status, { code, msg });
  },
  malformed(res: ServerResponse) {
    const text = '{"code":"0000","msg":"成功 (success)","data":{"total":3,"sbxxList":[{"zsxmDm":"101';
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  },
};
