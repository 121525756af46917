import { soapFault } from '../common/index.js';
import { MAX_REQUEST_BYTES } from './limits.js';

/**
 * Every fault the social insurance system sends, by its own error code (soap:Fault detail/errorCode).
 * The faultstring is bilingual, as the bureau's operators read Chinese and integrators English; it
 * never repeats a submitted value, so no resident ID travels back in an error. README.md lists the
 * same table. E9999 (service busy) is the injected fault of legacy-mocks/common.
 */
export const SOCIAL_FAULTS = {
  E1001: { faultcode: 'soap:Client', message: '缺少WS-Security用户名令牌 (E1001 missing WS-Security UsernameToken)' },
  E1002: { faultcode: 'soap:Client', message: '用户名或密码错误 (E1002 wrong username or password)' },
  E1003: { faultcode: 'soap:Client', message: '不支持的密码类型 (E1003 unsupported password type: send PasswordText)' },
  E2001: {
    faultcode: 'soap:Client',
    message: '请求报文格式错误 (E2001 malformed request: not a SOAP 1.1 envelope of a known operation)',
  },
  E2002: { faultcode: 'soap:Client', message: `请求报文过大 (E2002 request larger than ${MAX_REQUEST_BYTES} bytes)` },
  E2003: { faultcode: 'soap:Client', message: '业务流水号不合法 (E2003 missing or malformed ywlsh)' },
  E2004: { faultcode: 'soap:Client', message: '业务流水号重复 (E2004 ywlsh already used for another request)' },
  E3001: { faultcode: 'soap:Client', message: '身份证号码格式错误 (E3001 malformed resident ID, sfzhm)' },
  E3002: { faultcode: 'soap:Client', message: '统一社会信用代码格式错误 (E3002 malformed USCC, tyshxydm)' },
  E3003: { faultcode: 'soap:Client', message: '期间格式错误 (E3003 malformed period: YYYYMM)' },
  E3004: { faultcode: 'soap:Client', message: '截止期早于开始期 (E3004 jzqq is before ksqq)' },
  E3005: { faultcode: 'soap:Client', message: '超过单次查询上限 (E3005 over the maximum of one call)' },
  E3006: { faultcode: 'soap:Client', message: '缺少必填参数 (E3006 missing required parameter)' },
  E3007: { faultcode: 'soap:Client', message: '银行账号格式错误 (E3007 malformed bank account, yhzh: 12-30 digits)' },
  E3008: { faultcode: 'soap:Client', message: '待遇类型不合法 (E3008 unknown benefit kind, dylx: 01 or 02)' },
  E3009: { faultcode: 'soap:Client', message: '申请编号格式错误 (E3009 malformed claim number, sqbh)' },
  E3010: {
    faultcode: 'soap:Client',
    message: '审批信息不合法 (E3010 bad decision: spjg 1 or 2, spr required, spyj required to refuse)',
  },
  E4001: { faultcode: 'soap:Client', message: '查无此人 (E4001 no such resident)' },
  E4002: { faultcode: 'soap:Client', message: '查无此申请 (E4002 no such claim)' },
  E5001: { faultcode: 'soap:Client', message: '单位已办理参保登记 (E5001 the employer already has an account)' },
  E5002: {
    faultcode: 'soap:Client',
    message: '首次缴费期不合法 (E5002 scjfq must be within 12 months of the month of opening)',
  },
  E5003: { faultcode: 'soap:Client', message: '不符合申领条件 (E5003 not eligible: no insurance account)' },
  E5004: { faultcode: 'soap:Client', message: '不予受理 (E5004 the bureau refuses the request: refuseWrites is on)' },
  E5005: { faultcode: 'soap:Client', message: '申请已办结 (E5005 the claim is already decided)' },
  E5006: {
    faultcode: 'soap:Client',
    message: '存在未办结的同类申请 (E5006 a claim of this kind is already pending)',
  },
  E9000: { faultcode: 'soap:Server', message: '系统内部错误 (E9000 internal error)' },
} as const;

export type SocialFaultCode = keyof typeof SOCIAL_FAULTS;

/**
 * A fault to throw from an operation or the authenticate hook. `detail` adds what is wrong
 * (a position, a limit, a reason from core/ids.ts), never the submitted value. HTTP 500 as
 * SOAP 1.1 (section 6.2) requires: the soap package would otherwise answer a fault with 200.
 */
export function socialFault(code: SocialFaultCode, detail?: string): { Fault: Record<string, unknown> } {
  const { faultcode, message } = SOCIAL_FAULTS[code];
  return soapFault(faultcode, code, detail ? `${message}: ${detail}` : message);
}

/** The same fault as a whole envelope, for requests refused before the SOAP layer parses them. */
export function socialFaultEnvelope(code: SocialFaultCode): string {
  const { faultcode, message } = SOCIAL_FAULTS[code];
  return (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
    `<faultcode>${faultcode}</faultcode><faultstring>${escapeXml(message)}</faultstring><detail><errorCode>${code}</errorCode></detail>` +
    '</soap:Fault></soap:Body></soap:Envelope>'
  );
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (character) => (character === '<' ? '&lt;' : character === '>' ? '&gt;' : '&amp;'));
}
