import { describe, expect, it } from 'vitest';
import { createPlanCache } from './createPlanCache.js';

describe('the query plan cache', () => {
  it("keeps the portal's plans while 10,000 one-off operations pass through between two uses", async () => {
    const cache = createPlanCache<{ plan: string }>({ probation: 16, protected: 8 });
    const portal = ['CitizenDashboard', 'CompanyProfile', 'SearchCompanies'];
    for (const name of portal) {
      await cache.set(name, { plan: name });
      await cache.get(name);
    }
    // Each with fresh fragment names, so a new key, planned once: a single LRU of 24 would have lost the portal's plans.
    for (let i = 0; i < 10_000; i++) await cache.set(`one-off-${i}`, { plan: 'x' });
    for (const name of portal) expect(await cache.get(name), name).toEqual({ plan: name });
  });

  it('keeps them too against operations sent twice, as long as the portal uses its plans more often', async () => {
    const cache = createPlanCache<{ plan: string }>({ probation: 16, protected: 32 });
    const portal = ['CitizenDashboard', 'CompanyProfile', 'SearchCompanies'];
    for (const name of portal) await cache.set(name, { plan: name });
    for (let i = 0; i < 10_000; i++) {
      await cache.set(`twice-${i}`, { plan: 'x' });
      await cache.get(`twice-${i}`);
      if (i % 20 === 0)
        for (const name of portal) expect(await cache.get(name), `${name} after ${i}`).toEqual({ plan: name });
    }
  });

  it('is bounded: it never holds more than both segments together', async () => {
    const cache = createPlanCache<{ plan: number }>({ probation: 4, protected: 4 });
    for (let i = 0; i < 100; i++) {
      await cache.set(`k${i}`, { plan: i });
      await cache.get(`k${i}`);
    }
    let held = 0;
    for (let i = 0; i < 100; i++) if ((await cache.get(`k${i}`)) !== undefined) held++;
    expect(held).toBeLessThanOrEqual(8);
  });
});
