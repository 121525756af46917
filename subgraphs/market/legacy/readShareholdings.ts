import { readXmlRecords } from '../../kit/index.js';

/** The registry's operations that answer shareholdings (gdxx), by their response element. */
export type ShareholdingsAnswer = 'queryGdxxResponse' | 'queryDwtzxxResponse';

/**
 * A queryGdxx or queryDwtzxx answer, read from its XML by kit's lean reader of fixed-shape
 * answers rather than by the `soap` package's generic parser (issue 23: a company's 1,000
 * shareholders were a third of the market subgraph's time for a page of 100). Checked as
 * registrySchemas.ts checks it: jls must match the records sent. Each gdxx is left as text, to be
 * checked and translated by ShareholdingList when a page holds it. Anything that does not fit
 * throws; the client's readAnswer makes it 'malformed'.
 */
export function readShareholdings(xml: unknown, answer: ShareholdingsAnswer): Array<Record<string, string>> {
  if (typeof xml !== 'string') throw new TypeError(`${answer}: no answer to read`);
  const { scalars, records } = readXmlRecords(xml, { answer, record: 'gdxx' });
  const jls = scalars.jls?.trim() ?? '';
  if (!/^\d{1,9}$/.test(jls) || Number(jls) !== records.length)
    throw new RangeError('jls does not match the number of gdxx');
  return records;
}
