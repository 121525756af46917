import DataLoader from 'dataloader';
import type { SubgraphContext } from '../kit/index.js';
import { ShareholdingList, type CompanyRecord, type MarketClient } from './legacy/index.js';

/**
 * The market subgraph's loaders, built per request: one registry call per operation per query
 * level (the client chunks at the registry's batch maximum). Companies that arrive through a
 * search or a representative lookup are primed, so resolving them again costs no call.
 */
export function createMarketLoaders(client: MarketClient) {
  const company = new DataLoader<string, CompanyRecord | null>(async (usccs) => {
    const companies = await client.getCompanies(usccs);
    return usccs.map((uscc) => companies.get(uscc) ?? null);
  });
  const prime = (records: readonly CompanyRecord[]) => {
    for (const record of records) company.prime(record.uscc, record);
    return records;
  };
  return {
    company,
    prime,
    companiesByLegalRepresentative: new DataLoader<string, CompanyRecord[]>(async (personIds) => {
      const byPerson = await client.companiesByLegalRepresentatives(personIds);
      return personIds.map((id) => [...prime(byPerson.get(id) ?? [])]);
    }),
    // Lists translated only where a page asks (ShareholdingList): a page of 100 of 1,000 maps 100.
    shareholders: new DataLoader<string, ShareholdingList>(async (usccs) => {
      const byCompany = await client.shareholdersOf(usccs);
      return usccs.map((uscc) => byCompany.get(uscc) ?? new ShareholdingList([]));
    }),
    shareholdings: new DataLoader<string, ShareholdingList>(async (personIds) => {
      const byPerson = await client.shareholdingsOf(personIds);
      return personIds.map((id) => byPerson.get(id) ?? new ShareholdingList([]));
    }),
  };
}

export type MarketLoaders = ReturnType<typeof createMarketLoaders>;
export type MarketContext = SubgraphContext<MarketLoaders>;
