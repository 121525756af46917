/**
 * The tax administration system's result codes, as its interface document lists them: the
 * `code` of the `{ code, msg, data }` wrapper, the HTTP status it travels with, and the message
 * (Chinese, as the bureau writes it, with an English gloss). README.md lists the same table and
 * a test keeps the two in step. A code, once published, keeps its meaning.
 */
export const TAX_RESULT_CODES = {
  success: { code: '0000', status: 200, msg: '成功 (success)' },
  missingApiKey: { code: '1001', status: 401, msg: '缺少接口密钥 (X-Api-Key header missing)' },
  wrongApiKey: { code: '1002', status: 401, msg: '接口密钥无效 (X-Api-Key not valid)' },
  malformedRequest: { code: '2001', status: 200, msg: '请求报文格式错误 (malformed request)' },
  malformedTaxpayerId: { code: '2002', status: 200, msg: '纳税人识别号格式错误 (malformed nsrsbh)' },
  malformedResidentId: { code: '2003', status: 200, msg: '身份证件号码格式错误 (malformed sfzjhm)' },
  badYear: { code: '2004', status: 200, msg: '所属年度不合法 (nd must be a year from 1994 to 2099)' },
  badPage: { code: '2005', status: 200, msg: '分页参数不合法 (bad pageNo or pageSize)' },
  batchTooLarge: { code: '2006', status: 200, msg: '单次查询数量超过上限 (too many entries in one query)' },
  bodyTooLarge: { code: '2007', status: 413, msg: '请求报文过大 (request body too large)' },
  malformedSerial: { code: '2008', status: 200, msg: '请求流水号不合法 (missing or malformed qqlsh)' },
  serialReused: { code: '2009', status: 200, msg: '请求流水号重复 (qqlsh already used for another request)' },
  badTaxpayerType: { code: '2010', status: 200, msg: '纳税人类型不合法 (nsrlx must be "1" or "2")' },
  taxpayerNotFound: { code: '3001', status: 200, msg: '纳税人不存在 (no such taxpayer)' },
  alreadyRegistered: { code: '3002', status: 200, msg: '纳税人已办理税务登记 (taxpayer already registered)' },
  registrationRefused: { code: '3003', status: 200, msg: '不予受理 (refused: the risk check did not pass)' },
  taxpayerInUse: {
    code: '3004',
    status: 200,
    msg: '纳税人已产生涉税业务，不能简易注销 (taxpayer has tax history: cannot be cancelled here)',
  },
  noSuchOperation: { code: '4004', status: 404, msg: '接口不存在 (no such operation)' },
  methodNotAllowed: { code: '4005', status: 405, msg: '请求方法不支持 (method not allowed)' },
  // Worded exactly as the bureau's gateway answers when it sheds load, gloss-free: clients match on it.
  busy: { code: '9999', status: 500, msg: '系统繁忙' },
} as const satisfies Record<string, { code: string; status: number; msg: string }>;

export type TaxResultName = keyof typeof TAX_RESULT_CODES;
