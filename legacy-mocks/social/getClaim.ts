import type { InsuranceOverlay, Sqxx } from './InsuranceOverlay.js';
import { readClaimNumber } from './readClaimNumber.js';
import { socialFault } from './socialFault.js';

/**
 * 查询申请 (GetClaim): one claim by its number, with its state and, once decided, the officer, the
 * date and the reason. A single lookup, so an unknown number is a fault (E4002).
 */
export function getClaim(overlay: InsuranceOverlay): (request: unknown) => { sqxx: Sqxx } {
  return (request) => {
    const claim = overlay.claim(readClaimNumber(request));
    if (!claim) throw socialFault('E4002');
    return { sqxx: { ...claim } };
  };
}
