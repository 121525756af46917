import { describe, expect, it } from 'vitest';
import { openAccessLogStore } from './openAccessLogStore.js';
import { postgresBackend } from './testing/accessLogBackends.js';
import { describeAccessLogStore } from './testing/describeAccessLogStore.js';

describeAccessLogStore(postgresBackend);

describe.skipIf(postgresBackend.skipReason !== null)('access log on PostgreSQL, database specifics', () => {
  it('refuses to conjure an empty log where there is none when told not to create one', async () => {
    const log = await postgresBackend.create();
    try {
      await expect(openAccessLogStore({ url: log.url, create: false })).rejects.toThrow(/holds no access log/);
    } finally {
      await log.dispose();
    }
  });
});
