import { readFileSync } from 'node:fs';
import type { LegacyClients, LoadScenario } from '../LoadScenario.js';

const DOCUMENT = readFileSync(new URL('../../examples/operations/SearchCompanies.graphql', import.meta.url), 'utf8');

/** The portal front page's public search: 20 companies whose name contains 科技, anonymous. */
export function companySearch(): LoadScenario {
  const variables = { name: '科技', first: 20 };
  return {
    name: 'company search',
    key: 'company-search',
    document: DOCUMENT,
    variables,
    caller: null,
    openDocument: DOCUMENT,
    openVariables: variables,
    answerDirectly: (legacy, vars) => answerSearch(legacy, String(vars.name), Number(vars.first)),
  };
}

async function answerSearch({ market }: LegacyClients, name: string, first: number) {
  const companies = await market.searchCompanies(name, first);
  return {
    searchCompanies: companies.map((company) => ({
      uscc: company.uscc,
      name: company.name,
      status: company.status,
      legalForm: company.legalForm,
      legalRepresentativeName: company.legalRepresentativeName,
    })),
  };
}
