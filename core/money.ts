/**
 * Money in the graph is a Decimal string in CNY with two decimals ("12345.67"), never a float.
 * Legacy systems send fen, yuan or 10k-CNY strings; these helpers convert exactly, with BigInt.
 */

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** Integer fen (as a number, bigint or digit string) to "yuan.fen". */
export function fenToDecimal(fen: number | bigint | string): string {
  if (typeof fen === 'string' && !/^-?\d+$/.test(fen)) throw new RangeError('fen must be an integer');
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const value = BigInt(fen);
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  const yuan = absolute / 100n;
  const cents = absolute % 100n;
  return `${negative ? '-' : ''}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/**
 * A decimal string scaled by 10^shift (e.g. shift 4 for 10k CNY to CNY) to the graph's
 * two-decimal form. Refuses precision finer than a fen rather than rounding money silently.
 */
export function scaleDecimal(value: string, shift: number): string {
  if (!DECIMAL_PATTERN.test(value)) throw new RangeError('not a decimal number');
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = BigInt(whole + fraction) * 10n ** BigInt(Math.max(0, shift + 2 - fraction.length));
  const divisor = 10n ** BigInt(Math.max(0, fraction.length - shift - 2));
  if (digits % divisor !== 0n) throw new RangeError('more precision than a fen');
  return fenToDecimal((negative ? -1n : 1n) * (digits / divisor));
}

/** Is this a Decimal as the graph serialises it? */
export function isDecimal(value: string): boolean {
  return /^-?\d+\.\d{2}$/.test(value);
}
