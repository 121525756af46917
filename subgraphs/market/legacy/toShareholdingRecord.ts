import { canonicalId, scaleDecimal } from '../../kit/index.js';
import type { Gdxx } from './registrySchemas.js';
import type { ShareholdingRecord } from './ShareholdingRecord.js';

/** The registry's 万元 to yuan. */
const WAN_YUAN_SHIFT = 4;

/** A checked registry gdxx as the graph's ShareholdingRecord. */
export function toShareholdingRecord(gdxx: Gdxx): ShareholdingRecord {
  const sharePercent = Number(gdxx.cgbl);
  if (sharePercent > 100) throw new RangeError('a share above 100 percent');
  return {
    companyUscc: gdxx.tyshxydm,
    holderId: canonicalId(gdxx.zjhm),
    holderName: gdxx.gdmc,
    sharePercent,
    subscribedCapital: scaleDecimal(gdxx.rjcze, WAN_YUAN_SHIFT),
  };
}
