import { canonicalId } from '../../core/ids.js';
import type { AccessRecord, AccessSubject, StoredSubjectAccess } from '../record/AccessEntry.js';
import type { AccessLogReader, ChainHead, PolicyVersion } from '../read/AccessLogReader.js';
import { ACCESS_RECORD_HASH_RULE, digestSubjectAccess } from '../record/hashAccessRecord.js';

/** A record as exported to one subject: their own part whole, everyone else's only as its digest. */
export type ExportedAccessRecord = Omit<AccessRecord, 'subjects'> & {
  subjects: Array<StoredSubjectAccess | { digest: string }>;
};

export interface SubjectAccessLogExport {
  subject: AccessSubject;
  exportedAt: string;
  /** Every chain's head when exported, to compare with a signed checkpoint. */
  heads: ChainHead[];
  /** How each record's hash is computed, so a third party can recompute it without our code. */
  hashRule: typeof ACCESS_RECORD_HASH_RULE;
  /** Oldest first, each with previousHash and hash. */
  records: ExportedAccessRecord[];
  /** The policy versions those records name, with their texts: the rules that decided. */
  policies: PolicyVersion[];
}

/**
 * Everything the log holds about one subject, in a form a third party can check on its own:
 * every record's hash recomputes from the record and hashRule. Other people named in the same
 * request appear only as salted digests, so an export reveals nothing about them. A subject's
 * records are not consecutive in their chains, so the links between them are checked with
 * audit:verify, not here.
 */
export async function exportSubjectAccessLog(
  store: AccessLogReader,
  subject: AccessSubject,
): Promise<SubjectAccessLogExport> {
  const own = { kind: subject.kind, id: canonicalId(subject.id) };
  const heads = await store.readChains();
  const limit = new Map(heads.map((head) => [head.chain, head.seq]));
  const records: ExportedAccessRecord[] = [];
  for await (const { id: _id, ...record } of store.readSubjectRecords(own)) {
    // Appended after the heads were read: the next export has it, with a head that covers it.
    if (record.seq > (limit.get(record.chain) ?? 0)) continue;
    records.push({
      ...record,
      subjects: record.subjects.map((entry) =>
        entry.kind === own.kind && entry.id === own.id ? entry : { digest: digestSubjectAccess(entry) },
      ),
    });
  }
  const policies = await store.readPolicies([
    ...new Set(records.map((record) => record.policy).filter((hash): hash is string => hash !== null)),
  ]);
  return {
    subject: own,
    exportedAt: new Date().toISOString(),
    heads,
    hashRule: ACCESS_RECORD_HASH_RULE,
    records,
    policies,
  };
}
