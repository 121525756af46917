import type { Company, TaxFiling } from './model.js';
import { LAST_PERIOD } from './periods.js';
import { stableInt } from './random.js';

/**
 * A company's tax filings for one year, computed on demand: VAT monthly for general taxpayers
 * and quarterly for small-scale ones, IIT withholding monthly, corporate income tax and stamp
 * duty yearly (filed in May of the next year). Nothing before the tax registration, nothing
 * after the data set's last period.
 */
export function filingsOf(company: Company, year: number): TaxFiling[] {
  const registered = company.tax.registeredOn.slice(0, 7).replace('-', '');
  const lastYear = Number(LAST_PERIOD.slice(0, 4));
  const lastMonth = Number(LAST_PERIOD.slice(4));
  if (year < Number(registered.slice(0, 4)) || year > lastYear) return [];
  const filings: TaxFiling[] = [];
  const key = `${company.uscc}:${year}`;
  for (let month = 1; month <= 12; month++) {
    const period = `${year}${String(month).padStart(2, '0')}`;
    if (period < registered) continue;
    // A period is filed in the following month, and only if that month is in the data set.
    if (year === lastYear && month >= lastMonth) break;
    const filedOn = filingDate(year, month + 1, stableInt(`${key}:${month}:day`, 1, 15));
    filings.push({ period, taxKind: 'INDIVIDUAL_INCOME_TAX_WITHHOLDING', amountFen: stableInt(`${key}:${month}:iit`, 0, 3_000_000), filedOn });
    if (company.tax.taxpayerType === 'GENERAL') {
      filings.push({ period, taxKind: 'VAT', amountFen: stableInt(`${key}:${month}:vat`, 10_000, 50_000_000), filedOn });
    } else if (month % 3 === 0) {
      filings.push({ period: `${year}Q${month / 3}`, taxKind: 'VAT', amountFen: stableInt(`${key}:${month}:vat`, 0, 3_000_000), filedOn });
    }
  }
  if (year < lastYear) {
    const filedOn = filingDate(year + 1, 5, stableInt(`${key}:annual:day`, 1, 31));
    filings.push({ period: String(year), taxKind: 'CORPORATE_INCOME_TAX', amountFen: stableInt(`${key}:cit`, 0, 200_000_000), filedOn });
    filings.push({ period: String(year), taxKind: 'STAMP_DUTY', amountFen: stableInt(`${key}:stamp`, 500, 500_000), filedOn });
  }
  return filings;
}

function filingDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}
