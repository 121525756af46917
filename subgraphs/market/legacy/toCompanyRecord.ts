import { canonicalId, scaleDecimal, toIsoDate } from '../../kit/index.js';
import type { CompanyRecord } from './CompanyRecord.js';
import type { Qyxx } from './registrySchemas.js';
import { toCompanyStatus } from './toCompanyStatus.js';

/** The registry's 万元 to yuan: a shift of four decimal places, done exactly. */
const WAN_YUAN_SHIFT = 4;

/** A checked registry qyxx as the graph's CompanyRecord; throws on values no translation exists for. */
export function toCompanyRecord(qyxx: Qyxx): CompanyRecord {
  return {
    uscc: qyxx.tyshxydm,
    name: qyxx.qymc,
    legalForm: qyxx.qylx,
    status: toCompanyStatus(qyxx.djzt),
    establishedOn: toIsoDate(qyxx.clrq),
    registeredCapital: scaleDecimal(qyxx.zczb, WAN_YUAN_SHIFT),
    address: qyxx.zs,
    businessScope: qyxx.jyfw,
    legalRepresentativeName: qyxx.fddbr,
    legalRepresentativeId: canonicalId(qyxx.fddbrzjhm),
  };
}
