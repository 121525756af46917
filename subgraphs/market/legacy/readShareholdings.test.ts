import { describe, expect, it } from 'vitest';
import { readShareholdings } from './readShareholdings.js';
import { ShareholdingList } from './ShareholdingList.js';

const GDXX =
  '<gdxx><tyshxydm>9133011062KWB7PQFG</tyshxydm><qymc>杭州卓越欣科技有限公司</qymc><gdmc>吴洋刚</gdmc>' +
  '<zjhm>33011019930822528x</zjhm><cgbl>0.46</cgbl><rjcze>17.7963</rjcze></gdxx>';
const answer = (jls: number, records: string, element = 'queryGdxxResponse') =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><${element} xmlns="urn:r">` +
  `<jls>${jls}</jls>${records}</${element}></soap:Body></soap:Envelope>`;
const listOf = (xml: string) => new ShareholdingList(readShareholdings(xml, 'queryGdxxResponse'));

describe('readShareholdings and ShareholdingList', () => {
  it('reads each gdxx as a graph record, the holder ID canonical and the capital in yuan', () => {
    expect(listOf(answer(2, GDXX + GDXX)).slice()).toEqual([
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

  it('refuses an answer whose jls does not match its records, or no answer at all', () => {
    expect(() => readShareholdings(answer(3, GDXX), 'queryGdxxResponse')).toThrow(/jls/);
    expect(() => readShareholdings(answer(1, GDXX), 'queryDwtzxxResponse')).toThrow(SyntaxError);
    expect(() => readShareholdings(undefined, 'queryGdxxResponse')).toThrow(TypeError);
  });

  it('checks and translates only the records a page holds: a gdxx out of contract fails the page that shows it', () => {
    const outOfContract = GDXX.replace('0.46', '101');
    const list = listOf(answer(3, GDXX + GDXX + outOfContract));
    expect(list).toHaveLength(3);
    expect(list.slice(0, 2).map((holding) => holding.sharePercent)).toEqual([0.46, 0.46]);
    expect(() => list.slice(2, 3)).toThrow(/unavailable \(malformed\)/);
    const withoutName = listOf(answer(1, GDXX.replace(/<gdmc>.*<\/gdmc>/, '')));
    expect(() => withoutName.slice()).toThrow(/unavailable \(malformed\)/);
  });

  it('translates a record once, however many slices hold it', () => {
    const list = listOf(answer(2, GDXX + GDXX));
    expect(list.slice(0, 1)[0]).toBe(list.slice()[0]);
  });
});
