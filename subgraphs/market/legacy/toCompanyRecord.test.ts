import { describe, expect, it } from 'vitest';
import { toCompanyRecord } from './toCompanyRecord.js';
import { toCompanyStatus } from './toCompanyStatus.js';
import { toShareholdingRecord } from './toShareholdingRecord.js';

// Registry records written by hand, as the interface document describes them, so the
// translation is checked on its own edge cases (the data set never produces most of them).
const qyxx = {
  tyshxydm: '91350100M000100Y43',
  qymc: '示例有限公司',
  qylx: '有限责任公司(自然人投资或控股)',
  djzt: '3',
  clrq: '20000229',
  zczb: '0.00015',
  zs: '浙江省杭州市',
  jyfw: '技术开发',
  fddbr: '张三',
  fddbrzjhm: '11010519491231002x',
};

describe('toCompanyRecord', () => {
  it('turns 万元 into yuan exactly, yyyyMMdd into ISO and djzt into a status', () => {
    expect(toCompanyRecord(qyxx)).toMatchObject({
      registeredCapital: '1.50',
      establishedOn: '2000-02-29',
      status: 'CANCELLED',
      legalRepresentativeId: '11010519491231002X',
    });
  });

  it('reads a registration waiting for approval (djzt 0) as PENDING, and the write answers 8 and 9', () => {
    expect(toCompanyRecord({ ...qyxx, djzt: '0' }).status).toBe('PENDING');
    expect(toCompanyStatus('8')).toBe('REJECTED');
    expect(toCompanyStatus('9')).toBe('WITHDRAWN');
    expect(() => toCompanyStatus('constructor')).toThrow(RangeError);
  });

  it('refuses an unknown status digit, an impossible date and capital finer than a fen', () => {
    expect(() => toCompanyRecord({ ...qyxx, djzt: '7' })).toThrow(RangeError);
    expect(() => toCompanyRecord({ ...qyxx, clrq: '20010229' })).toThrow(RangeError);
    expect(() => toCompanyRecord({ ...qyxx, clrq: '19000229' })).toThrow(RangeError);
    expect(() => toCompanyRecord({ ...qyxx, clrq: '20201301' })).toThrow(RangeError);
    expect(() => toCompanyRecord({ ...qyxx, clrq: '20200100' })).toThrow(RangeError);
    expect(() => toCompanyRecord({ ...qyxx, zczb: '0.0000001' })).toThrow(RangeError);
  });
});

describe('toShareholdingRecord', () => {
  it('reads the percent as a number and refuses one above 100', () => {
    const gdxx = { tyshxydm: qyxx.tyshxydm, gdmc: '李四', zjhm: '440524188001010014', cgbl: '12.50', rjcze: '12.3456' };
    expect(toShareholdingRecord(gdxx)).toEqual({
      companyUscc: qyxx.tyshxydm,
      holderId: gdxx.zjhm,
      holderName: '李四',
      sharePercent: 12.5,
      subscribedCapital: '123456.00',
    });
    expect(() => toShareholdingRecord({ ...gdxx, cgbl: '100.01' })).toThrow(RangeError);
  });
});
