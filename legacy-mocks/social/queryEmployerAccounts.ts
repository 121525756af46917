import type { DataSet } from '../data/index.js';
import { usccProblem } from '../../core/ids.js';
import { fenToDecimal } from '../../core/money.js';
import { fieldOf } from './fieldOf.js';
import type { InsuranceOverlay } from './InsuranceOverlay.js';
import { MAX_EMPLOYERS_PER_CALL } from './limits.js';
import { readIdList } from './readIdList.js';

/** 单位参保信息 as the WSDL's tns:Dwcbxx. */
export interface Dwcbxx {
  tyshxydm: string;
  dwbh: string;
  cbrs: number;
  qjje: string;
  zhjfq: string;
}

/**
 * 查询单位参保信息 (CxDwcbxx): employer accounts by USCC (统一社会信用代码), at most
 * MAX_EMPLOYERS_PER_CALL. A company that never registered as an employer, like an unknown USCC,
 * is absent from the answer. cbrs counts the employees whose insurance is active (正常参保).
 * Accounts opened through OpenEmployerAccount (the overlay) are answered like the data set's.
 */
export function queryEmployerAccounts(
  request: unknown,
  dataSet: DataSet,
  overlay?: InsuranceOverlay,
): { dwcbxx: Dwcbxx[] } {
  const usccs = readIdList(fieldOf(request, 'tyshxydm'), {
    field: 'tyshxydm',
    maximum: MAX_EMPLOYERS_PER_CALL,
    problemOf: usccProblem,
    malformed: 'E3002',
  });
  const dwcbxx: Dwcbxx[] = [];
  for (const uscc of new Set(usccs)) {
    const account = dataSet.companyByUscc.get(uscc)?.employerAccount;
    if (!account) {
      const opened = overlay?.employer(uscc);
      if (opened) dwcbxx.push({ ...opened });
      continue;
    }
    dwcbxx.push({
      tyshxydm: uscc,
      dwbh: account.accountNumber,
      cbrs: dataSet.insuredEmployeesByCompany.get(uscc)?.length ?? 0,
      qjje: fenToDecimal(account.arrearsFen),
      zhjfq: account.lastPaidPeriod,
    });
  }
  return { dwcbxx };
}
