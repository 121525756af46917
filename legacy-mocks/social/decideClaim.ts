import { chinaDate } from '../common/index.js';
import { SQZT, type InsuranceOverlay } from './InsuranceOverlay.js';
import { fieldOf } from './fieldOf.js';
import { readClaimNumber } from './readClaimNumber.js';
import { socialFault } from './socialFault.js';
import { socialWriteOperation, type SocialWriteContext } from './socialWriteOperation.js';

/** The longest officer id and reason the bureau records. */
const MAX_OFFICER_LENGTH = 64;
const MAX_REASON_LENGTH = 200;

/**
 * 待遇审核 (DecideClaim), the social officer's decision: `ywlsh`, `sqbh`, `spjg` (1 核准, 2 不予核准),
 * `spr` (the officer), `spyj` (the reason: required to refuse) → `sqbh`, `sqzt` (1 or 2), `sprq`.
 * Only a pending claim can be decided (E4002 unknown, E5005 decided already).
 */
export function decideClaim(
  context: SocialWriteContext & { overlay: InsuranceOverlay },
): (request: unknown) => unknown {
  const { overlay } = context;
  return socialWriteOperation(
    context,
    'DecideClaim',
    (request) => {
      const sqbh = readClaimNumber(request);
      const spjg = text(fieldOf(request, 'spjg'));
      const spr = text(fieldOf(request, 'spr'));
      const spyj = text(fieldOf(request, 'spyj'));
      if (spjg !== '1' && spjg !== '2') throw socialFault('E3010', 'spjg must be 1 or 2');
      if (spr === '' || spr.length > MAX_OFFICER_LENGTH) throw socialFault('E3010', 'spr (the officer) is required');
      if (spjg === '2' && spyj === '') throw socialFault('E3010', 'spyj (the reason) is required to refuse');
      if ([...spyj].length > MAX_REASON_LENGTH)
        throw socialFault('E3010', `spyj is longer than ${MAX_REASON_LENGTH} characters`);
      return { sqbh, spjg, spr, spyj };
    },
    (input) => {
      const claim = overlay.claim(input.sqbh);
      if (!claim) throw socialFault('E4002');
      if (claim.sqzt !== SQZT.PENDING) throw socialFault('E5005');
      const sqzt = input.spjg === '1' ? SQZT.APPROVED : SQZT.REFUSED;
      return { sqbh: input.sqbh, sqzt, sprq: chinaDate(context.now()) };
    },
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
