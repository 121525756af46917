import { z } from 'zod';
import { legacyPeriod, uscc, yuan } from './legacyValues.js';
import type { EmployerAccountRecord } from './EmployerAccountRecord.js';

/** 单位参保信息 (tns:Dwcbxx): 单位编号 dwbh, 参保人数 cbrs, 欠缴金额 qjje, 最后缴费期 zhjfq. */
export const dwcbxxSchema = z.object({
  tyshxydm: uscc,
  dwbh: z.string().min(1),
  cbrs: z.number().int().nonnegative(),
  qjje: yuan,
  zhjfq: legacyPeriod,
});

export type Dwcbxx = z.output<typeof dwcbxxSchema>;

/** A checked employer account as the graph's EmployerAccount (Company.socialInsurance). */
export function toEmployerAccountRecord(dwcbxx: Dwcbxx): EmployerAccountRecord {
  return {
    uscc: dwcbxx.tyshxydm,
    accountNumber: dwcbxx.dwbh,
    insuredHeadcount: dwcbxx.cbrs,
    arrears: dwcbxx.qjje,
    lastPaidPeriod: dwcbxx.zhjfq,
  };
}
