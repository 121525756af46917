import { canonicalId } from '../ids.js';
import type { AccessRecord, AccessSubject } from './AccessEntry.js';
import { MAX_ACCESS_LOG_PAGE, type AccessLogHead, type AccessLogStore } from './AccessLogStore.js';
import { ACCESS_RECORD_HASH_RULE } from './hashAccessRecord.js';

export interface SubjectAccessLogExport {
  subject: AccessSubject;
  exportedAt: string;
  /** The chain's head when exported, to compare with a published head. */
  head: AccessLogHead;
  /** How each record's hash is computed, so a third party can recompute it without our code. */
  hashRule: typeof ACCESS_RECORD_HASH_RULE;
  /** Oldest first, each complete: its fields, previousHash and hash. */
  records: AccessRecord[];
}

/**
 * Everything the log holds about one subject, in a form a third party can check on its own:
 * every record's hash recomputes from the record and hashRule. A subject's records are not
 * consecutive in the chain, so the links between them are checked with audit:verify, not here.
 */
export async function exportSubjectAccessLog(store: AccessLogStore, subject: AccessSubject): Promise<SubjectAccessLogExport> {
  const head = await store.readHead();
  const newestFirst: AccessRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.readBySubject(subject, { first: MAX_ACCESS_LOG_PAGE, after });
    newestFirst.push(...page.records.filter((record) => record.seq <= head.seq));
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return {
    subject: { kind: subject.kind, id: canonicalId(subject.id) },
    exportedAt: new Date().toISOString(),
    head,
    hashRule: ACCESS_RECORD_HASH_RULE,
    records: newestFirst.reverse(),
  };
}
