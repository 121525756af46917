import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openAccessLogStore } from './openAccessLogStore.js';
import { POSTGRES_TEST_URL, postgresBackend as postgres, probeBackend } from '../testing/accessLogBackends.js';
import { describeAccessLogStore } from '../testing/describeAccessLogStore.js';
import { sampleRequest } from '../testing/sampleEntries.js';
import { verifyAccessLog } from '../verify/verifyAccessLog.js';

const postgresBackend = await probeBackend(postgres);

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

  // docs/operations.md, "Append-only by privileges": the grants a city gives the subgraphs' role.
  it('starts and appends under append-only grants, where the writer may change no record', async () => {
    const log = await postgresBackend.create();
    const schema = new URL(log.url).searchParams.get('options')!.replace('-c search_path=', '');
    const writer = `city_graph_writer_${randomBytes(4).toString('hex')}`;
    const owner = new pg.Client({ connectionString: POSTGRES_TEST_URL });
    await owner.connect();
    try {
      await (await log.open()).close(); // the owner creates the tables, as a deployment's migration would
      await owner.query(`CREATE ROLE ${writer} LOGIN`);
      await owner.query(`GRANT USAGE ON SCHEMA ${schema} TO ${writer}`);
      await owner.query(
        `GRANT SELECT, INSERT ON ${schema}.access_records, ${schema}.access_record_subjects, ${schema}.access_checkpoints, ${schema}.access_policies TO ${writer}`,
      );
      await owner.query(`GRANT SELECT, INSERT, UPDATE (last_seq, last_hash) ON ${schema}.access_chains TO ${writer}`);
      await owner.query(
        `GRANT SELECT, INSERT, UPDATE (revoked_at, revocation_reason) ON ${schema}.certificate_issuances TO ${writer}`,
      );
      await owner.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${writer}`);

      const url = new URL(log.url);
      url.username = writer;
      const store = await openAccessLogStore({ url: url.toString() });
      try {
        await store.append(sampleRequest('append-only-1'));
        await store.append(sampleRequest('append-only-2'));
        const asWriter = new pg.Client({ connectionString: url.toString() });
        await asWriter.connect();
        try {
          await expect(asWriter.query('UPDATE access_records SET purpose = NULL')).rejects.toThrow(/permission denied/);
          await expect(asWriter.query('DELETE FROM access_records')).rejects.toThrow(/permission denied/);
        } finally {
          await asWriter.end();
        }
        expect((await verifyAccessLog(store)).ok).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      await owner.query(`DROP OWNED BY ${writer}`).catch(() => {});
      await log.dispose();
      await owner.query(`DROP ROLE IF EXISTS ${writer}`).catch(() => {});
      await owner.end();
    }
  });
});
