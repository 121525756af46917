import { describe, expect, it } from 'vitest';
import { readShareholdings } from './readShareholdings.js';

const GDXX =
  '<gdxx><tyshxydm>9133011062KWB7PQFG</tyshxydm><qymc>杭州卓越欣科技有限公司</qymc><gdmc>吴洋刚</gdmc>' +
  '<zjhm>33011019930822528x</zjhm><cgbl>0.46</cgbl><rjcze>17.7963</rjcze></gdxx>';
const answer = (jls: number, records: string, element = 'queryGdxxResponse') =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${element} xmlns="urn:r">` +
  `<jls>${jls}</jls>${records}</${element}></soap:Body></soap:Envelope>`;

describe('readShareholdings', () => {
  it('reads each gdxx as a graph record, the holder ID canonical and the capital in yuan', () => {
    expect(readShareholdings(answer(2, GDXX + GDXX), 'queryGdxxResponse')).toEqual([
      expect.objectContaining({
        companyUscc: '9133011062KWB7PQFG',
        holderId: '33011019930822528X',
        holderName: '吴洋刚',
        sharePercent: 0.46,
        subscribedCapital: '177963.00',
      }),
      expect.objectContaining({ holderName: '吴洋刚' }),
    ]);
    expect(readShareholdings(answer(0, '', 'queryDwtzxxResponse'), 'queryDwtzxxResponse')).toEqual([]);
  });

  it('refuses an answer whose jls does not match its records, a gdxx out of contract, or no answer at all', () => {
    expect(() => readShareholdings(answer(3, GDXX), 'queryGdxxResponse')).toThrow(/jls/);
    expect(() => readShareholdings(answer(1, GDXX.replace('0.46', '101')), 'queryGdxxResponse')).toThrow();
    expect(() => readShareholdings(answer(1, GDXX.replace(/<gdmc>.*<\/gdmc>/, '')), 'queryGdxxResponse')).toThrow();
    expect(() => readShareholdings(answer(1, GDXX), 'queryDwtzxxResponse')).toThrow(SyntaxError);
    expect(() => readShareholdings(undefined, 'queryGdxxResponse')).toThrow(TypeError);
  });
});
