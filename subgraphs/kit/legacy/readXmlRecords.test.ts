import { describe, expect, it } from 'vitest';
import { readXmlRecords } from './readXmlRecords.js';

const SHAPE = { answer: 'queryGdxxResponse', record: 'gdxx' } as const;
const envelope = (inner: string, prefix = '') =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
  `<${prefix}queryGdxxResponse xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="urn:registry">${inner}</${prefix}queryGdxxResponse>` +
  `</soap:Body></soap:Envelope>`;

describe('readXmlRecords', () => {
  it('reads the scalars and the flat records of the response element, in order', () => {
    const xml = envelope(
      '<jls>2</jls><gdxx><gdmc>甲</gdmc><cgbl>1.50</cgbl></gdxx><gdxx><gdmc>乙</gdmc><cgbl>2</cgbl></gdxx>',
    );
    expect(readXmlRecords(xml, SHAPE)).toEqual({
      scalars: { jls: '2' },
      records: [
        { gdmc: '甲', cgbl: '1.50' },
        { gdmc: '乙', cgbl: '2' },
      ],
    });
  });

  it('reads elements whatever their prefix, with attributes, white space between them and empty ones', () => {
    const xml = envelope(
      '\n  <r:jls>1</r:jls>\n  <r:gdxx xsi:type="r:Gdxx">\n    <r:gdmc  lang="zh">甲</r:gdmc>\n    <r:zs/>\n  </r:gdxx>\n',
      'r:',
    );
    expect(readXmlRecords(xml, SHAPE)).toEqual({ scalars: { jls: '1' }, records: [{ gdmc: '甲', zs: '' }] });
    expect(readXmlRecords(envelope('<jls>0</jls>'), SHAPE)).toEqual({ scalars: { jls: '0' }, records: [] });
  });

  it("decodes XML's entities and character references", () => {
    const xml = envelope('<gdxx><gdmc>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#20013;&#x6587;</gdmc></gdxx>');
    expect(readXmlRecords(xml, SHAPE).records[0]!.gdmc).toBe(`A & B <C> "D" 'E' 中文`);
  });

  it('throws on anything but the shape: no answer, nested elements, markup it does not read, text loose, cut short', () => {
    const refused = [
      '<soap:Envelope><soap:Body><other/></soap:Body></soap:Envelope>',
      envelope('<gdxx><gdmc><b>甲</b></gdmc></gdxx>'),
      envelope('<gdxx><gdmc><![CDATA[甲]]></gdmc></gdxx>'),
      envelope('<gdxx><!-- note --><gdmc>甲</gdmc></gdxx>'),
      envelope('loose<jls>1</jls>'),
      envelope('<gdxx><gdmc>甲</gdmc>'),
      envelope('<gdxx><gdmc>甲</gdxx>'),
      envelope('<gdxx><gdmc>&bogus;</gdmc></gdxx>'),
      envelope('<jls>1</jls>').replace('</queryGdxxResponse>', ''),
    ];
    for (const xml of refused) expect(() => readXmlRecords(xml, SHAPE), xml).toThrow(SyntaxError);
  });
});
