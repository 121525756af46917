import { randomInt } from 'node:crypto';
import { canonicalId, usccProblem } from '../../core/ids.js';
import { chinaDate } from '../common/index.js';
import { isPeriod, periodIndex, type DataSet } from '../data/index.js';
import type { InsuranceOverlay } from './InsuranceOverlay.js';
import { socialFault } from './socialFault.js';
import { requiredText, socialWriteOperation, type SocialWriteContext } from './socialWriteOperation.js';

/** How far the first contribution month may lie from the month of opening, either way. */
const MAX_MONTHS_FROM_OPENING = 12;

/**
 * 单位参保登记 (OpenEmployerAccount): `ywlsh`, `tyshxydm`, `scjfq` (首次缴费期, YYYYMM) → the new
 * account's `dwbh`, `scjfq` and `khrq` (开户日期). The bureau checks on its own: a well-formed USCC
 * (E3002), a month within a year of today (E3003/E5002), no account yet (E5001); it does not ask
 * the market regulator. The account is then answered by CxDwcbxx (cbrs 0, qjje 0.00).
 */
export function openEmployerAccount(
  context: SocialWriteContext & { dataSet: DataSet; overlay: InsuranceOverlay },
): (request: unknown) => unknown {
  const { dataSet, overlay } = context;
  const numbersOnFile = new Set(dataSet.companies.flatMap((company) => company.employerAccount?.accountNumber ?? []));
  return socialWriteOperation(
    context,
    'OpenEmployerAccount',
    (request) => {
      const tyshxydm = requiredText(request, 'tyshxydm');
      const problem = usccProblem(tyshxydm);
      if (problem) throw socialFault('E3002', problem);
      const scjfq = requiredText(request, 'scjfq');
      if (!isPeriod(scjfq)) throw socialFault('E3003', 'scjfq');
      return { tyshxydm: canonicalId(tyshxydm), scjfq };
    },
    (input) => {
      const today = chinaDate(context.now());
      const distance = Math.abs(periodIndex(input.scjfq) - periodIndex(today.slice(0, 6)));
      if (distance > MAX_MONTHS_FROM_OPENING) throw socialFault('E5002');
      if (dataSet.companyByUscc.get(input.tyshxydm)?.employerAccount || overlay.employer(input.tyshxydm))
        throw socialFault('E5001');
      let dwbh: string;
      do dwbh = `33010${String(randomInt(100_000_000)).padStart(8, '0')}`;
      while (numbersOnFile.has(dwbh) || overlay.holdsAccountNumber(dwbh));
      return { tyshxydm: input.tyshxydm, dwbh, scjfq: input.scjfq, khrq: today };
    },
  );
}
