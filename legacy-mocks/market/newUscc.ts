import { randomInt } from 'node:crypto';
import { USCC_ALPHABET, usccCheckCharacter } from '../../core/ids.js';

/**
 * A new unified social credit code as the city's registry issues it since the 2015 reform:
 * 9 (market regulator) 1 (enterprise), the city's region code 330100, then an organisation code
 * of the MA series and the GB 32100 check character. Drawn at random until `taken` says no.
 */
export function newUscc(taken: (uscc: string) => boolean): string {
  for (;;) {
    let organisation = 'MA';
    for (let i = 0; i < 7; i++) organisation += USCC_ALPHABET[randomInt(USCC_ALPHABET.length)]!;
    const body = `91330100${organisation}`;
    const uscc = body + usccCheckCharacter(body);
    if (!taken(uscc)) return uscc;
  }
}
