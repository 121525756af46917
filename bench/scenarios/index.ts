/** The portal requests the load benchmark measures, one per file, gathered in one list. */
import type { Fixtures, LoadScenario } from '../LoadScenario.js';
import { citizenDashboard } from './citizenDashboard.js';
import { companyProfile } from './companyProfile.js';
import { companySearch } from './companySearch.js';

export { citizenDashboard, companyProfile, companySearch };

export function portalScenarios(fixtures: Fixtures): LoadScenario[] {
  return [citizenDashboard(fixtures), companyProfile(fixtures.companyInArrears), companySearch()];
}

/** The growth measurement: the company profile for companies with 1, 10, 100 and 1,000 shareholders. */
export const GROWTH_SIZES = [1, 10, 100, 1000] as const;

export function growthScenarios(fixtures: Fixtures): Array<{ shareholders: number; scenario: LoadScenario }> {
  return GROWTH_SIZES.map((size) => ({ shareholders: size, scenario: companyProfile(fixtures.companyWithShareholders[size], `company profile, ${size} shareholders`) }));
}
