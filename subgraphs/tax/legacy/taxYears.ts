/**
 * The tax years the bureau keeps: from 1994, when it went live with the tax-sharing reform, to
 * 2099; it refuses any other nd (result code 2004, legacy-mocks/tax/README.md). The client answers
 * other years as unknown without a call, and the resolvers refuse them as BAD_USER_INPUT.
 */
export const FIRST_TAX_YEAR = 1994;
export const LAST_TAX_YEAR = 2099;

/** Whether the bureau could hold this year. */
export function isTaxYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_TAX_YEAR && year <= LAST_TAX_YEAR;
}
