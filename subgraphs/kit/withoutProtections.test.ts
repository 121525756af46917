import { describe, expect, it } from 'vitest';
import { startStack } from '../../test/harness.js';

describe('a subgraph started without protections (benchmarks only)', () => {
  it('answers without a caller token, and a default start still refuses one', async () => {
    const open = await startStack({ withoutProtections: true });
    const guarded = await startStack();
    try {
      const body = JSON.stringify({ query: '{ searchCompanies(name: "科技", first: 1) { uscc } }' });
      const post = (url: string) =>
        fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect((await post(open.subgraphs.market.url)).status).toBe(200);
      expect((await post(guarded.subgraphs.market.url)).status).toBe(401);
    } finally {
      await open.close();
      await guarded.close();
    }
  });
});
