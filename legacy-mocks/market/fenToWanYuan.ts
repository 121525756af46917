/** Fen in one 万元 (10,000 CNY): the registry states capital in 万元. */
const FEN_PER_WAN_YUAN = 1_000_000n;

/**
 * Integer fen to the registry's 万元 decimal string, exactly: 1234560000 fen is "1234.56",
 * 150 fen is "0.00015". Trailing zeros are dropped, as the registry prints them.
 */
export function fenToWanYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const value = BigInt(fen);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const whole = absolute / FEN_PER_WAN_YUAN;
  const fraction = (absolute % FEN_PER_WAN_YUAN).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
