import { readXmlRecords } from '../../kit/index.js';
import { gdxxSchema } from './registrySchemas.js';
import type { ShareholdingRecord } from './ShareholdingRecord.js';
import { toShareholdingRecord } from './toShareholdingRecord.js';

/** The registry's operations that answer shareholdings (gdxx), by their response element. */
export type ShareholdingsAnswer = 'queryGdxxResponse' | 'queryDwtzxxResponse';

/**
 * A queryGdxx or queryDwtzxx answer, read from its XML by kit's lean reader of fixed-shape
 * answers rather than by the `soap` package's generic parser (issue 23: a company's 1,000
 * shareholders were a third of the market subgraph's time for a page of 100). Checked as
 * registrySchemas.ts checks it (jls must match the records sent; each gdxx as gdxxSchema says),
 * then translated. Anything that does not fit throws; the client's readAnswer makes it 'malformed'.
 */
export function readShareholdings(xml: unknown, answer: ShareholdingsAnswer): ShareholdingRecord[] {
  if (typeof xml !== 'string') throw new TypeError(`${answer}: no answer to read`);
  const { scalars, records } = readXmlRecords(xml, { answer, record: 'gdxx' });
  const jls = scalars.jls?.trim() ?? '';
  if (!/^\d{1,9}$/.test(jls) || Number(jls) !== records.length)
    throw new RangeError('jls does not match the number of gdxx');
  return records.map((gdxx) => toShareholdingRecord(gdxxSchema.parse(gdxx)));
}
