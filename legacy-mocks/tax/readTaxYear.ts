import { TaxRefusal } from './TaxRefusal.js';
import { TAX_FIRST_YEAR, TAX_LAST_YEAR } from './taxLimits.js';

/**
 * A 所属年度 (nd) parameter: a four-digit year, as a string or a JSON number, within the years
 * the system holds. `where` names the parameter in the refusal (2004).
 */
export function readTaxYear(value: unknown, where: string): number {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{4}$/.test(text))
    throw new TaxRefusal('badYear', `${where} must be a four-digit year`);
  const year = Number(text);
  if (year < TAX_FIRST_YEAR || year > TAX_LAST_YEAR)
    throw new TaxRefusal('badYear', `${where} is outside ${TAX_FIRST_YEAR}-${TAX_LAST_YEAR}`);
  return year;
}
