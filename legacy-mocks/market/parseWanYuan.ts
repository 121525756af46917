import { fenToWanYuan } from './fenToWanYuan.js';

/** The largest registered capital the register accepts: 1 亿万元 (one trillion CNY). */
export const MAX_CAPITAL_WAN_YUAN = 100_000_000;

/**
 * A registered capital as an applicant writes it, in 万元 with at most six decimals (one fen), to
 * the register's own form ("100.50" → "100.5"); null when it is not a positive amount within the
 * maximum. No float is involved: the digits become integer fen.
 */
export function parseWanYuan(text: string): string | null {
  const match = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text);
  if (!match) return null;
  const fen = Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
  if (fen <= 0 || fen > MAX_CAPITAL_WAN_YUAN * 1_000_000) return null;
  return fenToWanYuan(fen);
}
