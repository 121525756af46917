import type { MaskStyle } from '../types.js';
import { maskAddress } from './maskAddress.js';
import { maskIdNumber } from './maskIdNumber.js';
import { maskName } from './maskName.js';
import { maskPhone } from './maskPhone.js';

/** Every mask style a policy file may name (`mask: { as: phone }`), with its function. */
export const MASKS: Readonly<Record<MaskStyle, (value: string) => string>> = Object.freeze({
  phone: maskPhone,
  address: maskAddress,
  name: maskName,
  idNumber: maskIdNumber,
});

export const MASK_STYLES = Object.freeze(Object.keys(MASKS)) as readonly MaskStyle[];

/**
 * A resolved field value as a masked caller sees it: null stays null, lists are masked item
 * by item, numbers are masked as their digits. Anything else (an object) cannot be masked and
 * is withheld: a mask must never show more than it promises.
 */
export function applyMask(value: unknown, style: MaskStyle): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => applyMask(item, style));
  if (typeof value === 'string') return MASKS[style](value);
  if (typeof value === 'number' || typeof value === 'bigint') return MASKS[style](String(value));
  return null;
}
