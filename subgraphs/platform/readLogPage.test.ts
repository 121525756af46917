import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ACCESS_LOG_PAGE, type AccessLogStore, type PageBounds } from '../kit/index.js';
import { sampleEntry, SUBJECTS } from '../../access-log/testing/sampleEntries.js';
import { readLogPage } from './readLogPage.js';
import { openTempAccessLog } from './testing/openTempAccessLog.js';

/** A store that must not be asked: the page is refused before any read. */
const UNREAD = new Proxy({} as AccessLogStore, {
  get: () => {
    throw new Error('the store was read');
  },
});

/** A store whose read fails as given. */
function failingStore(error: Error): AccessLogStore {
  return { readBySubject: () => Promise.reject(error) } as unknown as AccessLogStore;
}

async function refusal(read: Promise<unknown>): Promise<{ code: unknown; argument: unknown; message: string }> {
  const error = await read.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const { extensions, message } = error as GraphQLError;
  return { code: extensions.code, argument: extensions.argument, message };
}

let log: Awaited<ReturnType<typeof openTempAccessLog>>;
let store: AccessLogStore;
beforeEach(async () => {
  log = await openTempAccessLog();
  store = log.store;
});
afterEach(async () => {
  await log.dispose();
});

/** Appends one request per timestamp, each about the given subjects, in the order given. */
async function appendAt(times: readonly string[], subjects = [SUBJECTS.citizen]): Promise<void> {
  for (const [index, at] of times.entries()) await store.append(sampleEntry(`request-${at}-${index}`, subjects, at));
}

/** Person.dataAccessLog's bounds as the platform's schema declares them (pagedFields.test.ts reads them there). */
const BOUNDS: PageBounds = { argument: 'first', defaultSize: 20, maxSize: MAX_ACCESS_LOG_PAGE, paged: true };

const minute = (n: number) => `2026-01-01T10:${String(n).padStart(2, '0')}:00.000Z`;

describe('readLogPage', () => {
  it.each([0, -1, MAX_ACCESS_LOG_PAGE + 1, 2.5, Number.NaN])(
    'refuses a page of %s accesses with BAD_USER_INPUT on first, before reading the log',
    async (first) => {
      expect(await refusal(readLogPage(UNREAD, SUBJECTS.citizen, { first }, BOUNDS))).toEqual({
        code: 'BAD_USER_INPUT',
        argument: 'first',
        message: `Invalid first: ask for 1 to ${MAX_ACCESS_LOG_PAGE} at a time, and the next page with \`after\`.`,
      });
    },
  );

  it("reads the field's default page when first is left out", async () => {
    await appendAt([minute(1), minute(2), minute(3)]);
    const page = await readLogPage(store, SUBJECTS.citizen, { first: null }, { ...BOUNDS, defaultSize: 2 });
    expect(page.records.map((record) => record.at)).toEqual([minute(3), minute(2)]);
    expect(page.hasNextPage).toBe(true);
  });

  it('reads pages of 1 and of the most allowed', async () => {
    await appendAt([minute(1), minute(2)]);
    expect((await readLogPage(store, SUBJECTS.citizen, { first: 1 }, BOUNDS)).records).toHaveLength(1);
    expect((await readLogPage(store, SUBJECTS.citizen, { first: MAX_ACCESS_LOG_PAGE }, BOUNDS)).records).toHaveLength(
      2,
    );
  });

  it('pages newest first from each end cursor, every access once, until there is no next page', async () => {
    await appendAt([minute(1), minute(2), minute(3), minute(4), minute(5)]);
    const seen: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await readLogPage(store, SUBJECTS.citizen, { first: 2, after }, BOUNDS);
      seen.push(page.records.map((record) => record.at));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual([[minute(5), minute(4)], [minute(3), minute(2)], [minute(1)]]);
  });

  it('carries whose log it is into the page and every record', async () => {
    // One request about two people: each sees it in their own log, as their own.
    await appendAt([minute(1)], [SUBJECTS.citizen, SUBJECTS.employee]);
    await appendAt([minute(2)], [SUBJECTS.employee]);
    const page = await readLogPage(store, SUBJECTS.citizen, { first: 10 }, BOUNDS);
    expect(page.subject).toEqual(SUBJECTS.citizen);
    expect(page.records.map((record) => [record.at, record.subject])).toEqual([[minute(1), SUBJECTS.citizen]]);
    const other = await readLogPage(store, SUBJECTS.employee, { first: 10 }, BOUNDS);
    expect(other.records.map((record) => [record.at, record.subject])).toEqual([
      [minute(2), SUBJECTS.employee],
      [minute(1), SUBJECTS.employee],
    ]);
  });

  it('reads only accesses at or after `from` and before `to`', async () => {
    await appendAt([minute(1), minute(2), minute(3), minute(4)]);
    const page = await readLogPage(store, SUBJECTS.citizen, { first: 10, from: minute(2), to: minute(4) }, BOUNDS);
    expect(page.records.map((record) => record.at)).toEqual([minute(3), minute(2)]);
  });

  it('gives an empty last page for a subject nobody looked at', async () => {
    await appendAt([minute(1)]);
    expect(await readLogPage(store, SUBJECTS.companyInArrears, { first: 10 }, BOUNDS)).toEqual({
      subject: SUBJECTS.companyInArrears,
      records: [],
      endCursor: null,
      hasNextPage: false,
    });
  });

  it('refuses a cursor that is not one of this log with BAD_USER_INPUT on after', async () => {
    const refused = await refusal(readLogPage(store, SUBJECTS.citizen, { first: 10, after: 'not-a-cursor' }, BOUNDS));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('refuses a moment that is not an ISO timestamp with BAD_USER_INPUT on from', async () => {
    const refused = await refusal(readLogPage(store, SUBJECTS.citizen, { first: 10, from: 'yesterday' }, BOUNDS));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });

  it('lets a failing store through as it is, so the edge masks it instead of blaming the caller', async () => {
    const failure = new Error('database is locked');
    await expect(readLogPage(failingStore(failure), SUBJECTS.citizen, { first: 10 }, BOUNDS)).rejects.toBe(failure);
  });
});
