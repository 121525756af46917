import DataLoader from 'dataloader';
import type { SubgraphContext } from '../kit/index.js';
import type { ContributionRecord, EmployerAccountRecord, PersonRecord, SocialClient } from './legacy/index.js';

/**
 * The social subgraph's loaders, built per request: one bureau call per operation per query
 * level (the client chunks at the bureau's batch maximums), keys de-duplicated.
 */
export function createSocialLoaders(client: SocialClient) {
  return {
    person: new DataLoader<string, PersonRecord | null>(async (ids) => {
      const persons = await client.getPersons(ids);
      return ids.map((id) => persons.get(id) ?? null);
    }),
    employerAccount: new DataLoader<string, EmployerAccountRecord | null>(async (usccs) => {
      const accounts = await client.getEmployerAccounts(usccs);
      return usccs.map((uscc) => accounts.get(uscc) ?? null);
    }),
    // The bureau answers contributions per person and range only: de-duplicated, not batched.
    contributions: new DataLoader<{ personId: string; from: string; to: string }, ContributionRecord[], string>(
      (keys) =>
        Promise.all(
          keys.map(({ personId, from, to }) =>
            client
              .getContributions(personId, from, to)
              .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
          ),
        ),
      { cacheKeyFn: ({ personId, from, to }) => `${personId}:${from}:${to}` },
    ),
  };
}

export type SocialLoaders = ReturnType<typeof createSocialLoaders>;
export type SocialContext = SubgraphContext<SocialLoaders>;
