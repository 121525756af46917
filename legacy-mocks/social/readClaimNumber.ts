import { fieldOf } from './fieldOf.js';
import { socialFault } from './socialFault.js';

/** 申请编号 as the bureau issues them: SB, yyyyMMdd, a six-digit running number. */
const CLAIM_NUMBER = /^SB\d{14}$/;

/** The `sqbh` of a request: required (E3006) and of the bureau's form (E3009). */
export function readClaimNumber(request: unknown): string {
  const value = fieldOf(request, 'sqbh');
  if (value === undefined || value === null || value === '') throw socialFault('E3006', 'sqbh');
  if (typeof value !== 'string' || !CLAIM_NUMBER.test(value.trim())) throw socialFault('E3009');
  return value.trim();
}
