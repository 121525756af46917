import DataLoader from 'dataloader';
import type { SubgraphContext } from '../kit/index.js';
import type { IncomeTaxReturnRecord, TaxClient, TaxFilingRecord, TaxProfileRecord } from './legacy/index.js';

/**
 * The tax subgraph's loaders, built per request: each batches the lookups of one query level
 * into one legacy call (the client chunks at the bureau's batch maximum) and de-duplicates keys.
 */
export function createTaxLoaders(client: TaxClient) {
  return {
    taxProfile: new DataLoader<string, TaxProfileRecord | null>(async (usccs) => {
      const profiles = await client.getTaxProfiles(usccs);
      return usccs.map((uscc) => profiles.get(uscc) ?? null);
    }),
    // The bureau answers filings per taxpayer and year only, so this loader de-duplicates but cannot batch.
    filings: new DataLoader<{ uscc: string; year: number }, TaxFilingRecord[], string>(
      (keys) =>
        Promise.all(
          keys.map(({ uscc, year }) => client.getFilings(uscc, year).catch((error: unknown) => toError(error))),
        ),
      { cacheKeyFn: ({ uscc, year }) => `${uscc}:${year}` },
    ),
    incomeTax: new DataLoader<{ personId: string; year: number }, IncomeTaxReturnRecord | null, string>(
      async (keys) => {
        const returns = await client.getIncomeTaxReturns(keys);
        return keys.map(({ personId, year }) => returns.get(`${personId}:${year}`) ?? null);
      },
      { cacheKeyFn: ({ personId, year }) => `${personId}:${year}` },
    ),
  };
}

export type TaxLoaders = ReturnType<typeof createTaxLoaders>;
export type TaxContext = SubgraphContext<TaxLoaders>;

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
