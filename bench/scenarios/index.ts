/** The portal requests the load benchmark measures, one per file, gathered in one list. */
import type { DataSet } from '../../legacy-mocks/data/index.js';
import { SUBJECTS_PER_SCENARIO, type LoadScenario } from '../LoadScenario.js';
import { citizenDashboard } from './citizenDashboard.js';
import { companyProfile } from './companyProfile.js';
import { companySearch } from './companySearch.js';

export { citizenDashboard, companyProfile, companySearch };

/** Companies of an ordinary size (the growth measurement covers the large ones). */
const ORDINARY_SHAREHOLDERS = 20;

export function portalScenarios(dataSet: DataSet): LoadScenario[] {
  const { fixtures } = dataSet;
  const ordinary = dataSet.companies
    .filter(
      (company) =>
        company.uscc !== fixtures.companyInArrears &&
        (dataSet.shareholdingsByCompany.get(company.uscc)?.length ?? 0) <= ORDINARY_SHAREHOLDERS,
    )
    .slice(0, SUBJECTS_PER_SCENARIO - 1)
    .map((company) => company.uscc);
  return [citizenDashboard(dataSet), companyProfile([fixtures.companyInArrears, ...ordinary]), companySearch()];
}

/** The growth measurement: the company profile for companies with 1, 10, 100 and 1,000 shareholders. */
export const GROWTH_SIZES = [1, 10, 100, 1000] as const;
/** Growth asks for the largest page (100): the most holdings, and privacy decisions, one request can carry. */
const GROWTH_PAGE = 100;

export function growthScenarios(
  dataSet: DataSet,
  sizes: readonly number[] = GROWTH_SIZES,
): Array<{ shareholders: number; scenario: LoadScenario }> {
  return GROWTH_SIZES.filter((size) => sizes.includes(size)).map((size) => ({
    shareholders: size,
    scenario: companyProfile(
      [dataSet.fixtures.companyWithShareholders[size]],
      `company profile, ${size} shareholders (page of ${GROWTH_PAGE})`,
      GROWTH_PAGE,
    ),
  }));
}
