/**
 * The registry's own error codes, as its interface document lists them (README.md, "Error
 * codes"). Client faults are the caller's mistake and retrying will not help; server faults are
 * the registry's. E9999 (系统繁忙) is the injected failure of legacy-mocks/common/soapFaults.ts.
 */
export const REGISTRY_ERRORS = {
  E1000: { faultcode: 'soap:Client', status: 500, text: '报文格式错误 (malformed SOAP request)' },
  E1001: { faultcode: 'soap:Client', status: 500, text: '统一社会信用代码格式错误 (malformed USCC)' },
  E1002: { faultcode: 'soap:Client', status: 500, text: '证件号码格式错误 (malformed resident ID)' },
  E1003: { faultcode: 'soap:Client', status: 500, text: '查询条件不能为空 (no query key given)' },
  E1004: { faultcode: 'soap:Client', status: 500, text: '超过批量查询上限 (batch larger than the maximum)' },
  E1005: { faultcode: 'soap:Client', status: 500, text: '分页参数错误 (bad page number or page size)' },
  E1006: { faultcode: 'soap:Client', status: 500, text: '查询关键字不合法 (bad name keyword)' },
  E1007: { faultcode: 'soap:Client', status: 413, text: '请求报文过大 (request body too large)' },
  E1008: { faultcode: 'soap:Client', status: 500, text: '请求流水号不合法 (missing or malformed qqlsh)' },
  E1009: { faultcode: 'soap:Client', status: 500, text: '请求流水号重复 (qqlsh already used for another request)' },
  E2001: {
    faultcode: 'soap:Client',
    status: 500,
    text: '登记申请信息不完整或不合法 (incomplete or invalid application)',
  },
  E2002: { faultcode: 'soap:Client', status: 500, text: '企业名称已被占用 (the name is already registered)' },
  E2003: { faultcode: 'soap:Client', status: 500, text: '企业类型不合法 (unknown legal form)' },
  E2004: { faultcode: 'soap:Client', status: 500, text: '注册资本不合法 (invalid registered capital)' },
  E2005: {
    faultcode: 'soap:Client',
    status: 500,
    text: '法定代表人身份核验不通过 (the legal representative is not known to the population registry)',
  },
  E2006: { faultcode: 'soap:Client', status: 500, text: '无此设立登记申请 (no such registration)' },
  E2007: {
    faultcode: 'soap:Client',
    status: 500,
    text: '登记状态不允许此操作 (the registration is no longer pending)',
  },
  E2008: {
    faultcode: 'soap:Client',
    status: 500,
    text: '登记申请不予受理 (the registry refuses the request: refuseWrites is on)',
  },
  E9000: { faultcode: 'soap:Server', status: 500, text: '系统内部错误 (internal error)' },
} as const;

export type RegistryErrorCode = keyof typeof REGISTRY_ERRORS;

/** The faultstring: the table's text, then what exactly was wrong (never the offending value). */
export function registryFaultString(code: RegistryErrorCode, detail?: string): string {
  const { text } = REGISTRY_ERRORS[code];
  return detail ? `${text}: ${detail}` : text;
}
