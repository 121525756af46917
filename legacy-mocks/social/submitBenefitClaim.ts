import { canonicalId, residentIdProblem } from '../../core/ids.js';
import { chinaDate } from '../common/index.js';
import type { DataSet } from '../data/index.js';
import { DYLX, SQZT, type InsuranceOverlay } from './InsuranceOverlay.js';
import { socialFault } from './socialFault.js';
import { requiredText, socialWriteOperation, type SocialWriteContext } from './socialWriteOperation.js';

const BENEFIT_KINDS: readonly string[] = Object.values(DYLX);
/** A bank account number (银行账号) as the bureau's payment file takes it. */
const BANK_ACCOUNT = /^\d{12,30}$/;

/**
 * 待遇申领 (SubmitBenefitClaim): `ywlsh`, `sfzhm`, `dylx` (01 失业保险金, 02 养老保险个人账户一次性
 * 支取), `yhzh` (the bank account to pay into) → `sqbh` (申请编号, the claim number), `sqzt` 0 待审核
 * and `sqrq`. Checked: a well-formed ID (E3001) of a known resident (E4001) with an insurance
 * account (E5003), a known kind (E3008), a bank account of 12-30 digits (E3007), and no claim of
 * the same kind still pending (E5006). A social officer decides it with DecideClaim.
 */
export function submitBenefitClaim(
  context: SocialWriteContext & { dataSet: DataSet; overlay: InsuranceOverlay },
): (request: unknown) => unknown {
  const { dataSet, overlay } = context;
  return socialWriteOperation(
    context,
    'SubmitBenefitClaim',
    (request) => {
      const sfzhm = requiredText(request, 'sfzhm');
      const problem = residentIdProblem(sfzhm);
      if (problem) throw socialFault('E3001', problem);
      const dylx = requiredText(request, 'dylx');
      if (!BENEFIT_KINDS.includes(dylx)) throw socialFault('E3008');
      const yhzh = requiredText(request, 'yhzh').replace(/\s/g, '');
      if (!BANK_ACCOUNT.test(yhzh)) throw socialFault('E3007');
      return { sfzhm: canonicalId(sfzhm), dylx, yhzh };
    },
    (input) => {
      const resident = dataSet.residentById.get(input.sfzhm);
      if (!resident) throw socialFault('E4001');
      if (!resident.insurance) throw socialFault('E5003');
      if (overlay.pendingClaim(input.sfzhm, input.dylx)) throw socialFault('E5006');
      const sqrq = chinaDate(context.now());
      // 申请编号: SB, the day, and the bureau's running number of claims.
      const sqbh = `SB${sqrq}${String(overlay.claimCount() + 1).padStart(6, '0')}`;
      return { sqbh, sqzt: SQZT.PENDING, sqrq };
    },
  );
}
