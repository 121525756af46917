import { readFileSync } from 'node:fs';
import { INDUSTRIES } from '../../legacy-mocks/data/vocabulary.js';
import type { LegacyClients, LoadScenario } from '../LoadScenario.js';

const DOCUMENT = readFileSync(new URL('../../examples/operations/SearchCompanies.graphql', import.meta.url), 'utf8');

/** The portal front page's public search, anonymous: the first 20 companies of each industry's word (科技 first). */
export function companySearch(): LoadScenario {
  return {
    name: 'company search',
    key: 'company-search',
    document: DOCUMENT,
    openDocument: DOCUMENT,
    subjects: INDUSTRIES.map(({ word }) => ({
      variables: { name: word, first: 20 },
      openVariables: { name: word, first: 20 },
      caller: null,
    })),
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
