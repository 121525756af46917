import { describe, expect, it } from 'vitest';
import { readContributions } from './readContributions.js';

const JFMX = '<jfmx><ssq>202403</ssq><jfjs>8000.00</jfjs><grjf>640.00</grjf><dwjf>1280.00</dwjf></jfmx>';
const answer = (sfzhm: string, records: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
  `<tns:CxGrjfmxResponse xmlns:tns="urn:insurance"><tns:sfzhm>${sfzhm}</tns:sfzhm>${records}</tns:CxGrjfmxResponse>` +
  `</soap:Body></soap:Envelope>`;
const RESIDENT = '11010519491231002x';

describe('readContributions', () => {
  it('reads the resident, canonical, and each month in graph terms', () => {
    expect(readContributions(answer(RESIDENT, JFMX + JFMX.replace('202403', '202404')))).toEqual({
      sfzhm: '11010519491231002X',
      contributions: [
        { period: '2024-03', base: '8000.00', personalAmount: '640.00', employerAmount: '1280.00' },
        { period: '2024-04', base: '8000.00', personalAmount: '640.00', employerAmount: '1280.00' },
      ],
    });
    expect(readContributions(answer(RESIDENT, '')).contributions).toEqual([]);
  });

  it('refuses a month out of contract, a resident ID that is none, or no answer', () => {
    expect(() => readContributions(answer(RESIDENT, JFMX.replace('202403', '2024-03')))).toThrow();
    expect(() => readContributions(answer('110105194912310021', JFMX))).toThrow();
    expect(() => readContributions('<soap:Envelope/>')).toThrow(SyntaxError);
  });
});
