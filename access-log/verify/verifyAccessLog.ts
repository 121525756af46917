import type { JSONWebKeySet } from 'jose';
import { readCheckpoint } from '../checkpoints/checkpoints.js';
import type { AccessLogReader, StoredCheckpoint } from '../read/AccessLogReader.js';
import type { AccessRecord } from '../record/AccessEntry.js';
import { GENESIS_HASH, hashAccessRecord, sha256 } from '../record/hashAccessRecord.js';
import { UnreadableAccessRecordError } from '../record/UnreadableAccessRecordError.js';

export type AccessLogVerdict =
  | { ok: true; records: number; chains: number; checkpoints: number }
  | { ok: false; chain: string; atSeq: number; problem: string };

export interface VerifyOptions {
  /** Checkpoints kept outside the database (audit:verify --checkpoints); each must verify with `keys`. */
  checkpoints?: readonly StoredCheckpoint[];
  /** The platform's public checkpoint keys; required with `checkpoints`. */
  keys?: JSONWebKeySet;
}

/** The first thing found wrong, at its chain and seq. */
class Broken extends Error {
  constructor(
    readonly chain: string,
    readonly atSeq: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

interface ChainState {
  seq: number;
  hash: string;
}

/** Signed heads by chain, then by seq: the hash a checkpoint signed there, and when. */
type SignedHeads = Map<string, Map<number, { hash: string; at: string }>>;

/**
 * Walks every chain of the log and reports the FIRST thing that is not as the stores wrote it
 * (docs/access-log.md, "Verifying"):
 * - in each chain, seq runs 1, 2, 3, ... in the order of writing: a gap means records were
 *   removed, a step back that they were reordered;
 * - each previousHash is the hash of the chain's record before; each hash recomputes;
 * - each chain's head row names its last record: otherwise the tail was cut off, or rows were
 *   added without going through a store;
 * - the subject index lists exactly each record's subjects (else someone's view was altered);
 * - every policy version a record names is kept, and its text still hashes to its name;
 * - with checkpoints: each signed head is still in its chain with the same hash, so a rewrite of
 *   records AND heads made after the checkpoint is caught.
 *
 * Safe while subgraphs keep appending: records are read first, then the heads, and records
 * committed in between are followed up to the heads before comparing.
 */
export async function verifyAccessLog(store: AccessLogReader, options: VerifyOptions = {}): Promise<AccessLogVerdict> {
  try {
    const walk = new ChainWalk(await readSignedHeads(options));
    const indexProblem = await walkRecordsAndIndex(store, walk);
    await compareHeads(store, walk);
    if (indexProblem) throw indexProblem;
    checkSignedHeadsReached(walk);
    await checkPolicies(store, walk.policies);
    return { ok: true, records: walk.records, chains: walk.chains.size, checkpoints: options.checkpoints?.length ?? 0 };
  } catch (error) {
    if (error instanceof Broken) return { ok: false, chain: error.chain, atSeq: error.atSeq, problem: error.problem };
    if (error instanceof UnreadableAccessRecordError)
      return { ok: false, chain: error.chain, atSeq: error.seq, problem: error.message };
    throw error;
  }
}

/** Every chain followed record by record, in the order of writing. */
class ChainWalk {
  readonly chains = new Map<string, ChainState>();
  /** Each policy version named, with the first record naming it. */
  readonly policies = new Map<string, { chain: string; seq: number }>();
  records = 0;
  lastId = 0;

  constructor(readonly signed: SignedHeads) {}

  /** Checks that the record follows its chain's last one, hashes right and is what any checkpoint signed. */
  check(record: AccessRecord & { id: number }): void {
    const state = this.chains.get(record.chain) ?? { seq: 0, hash: GENESIS_HASH };
    const expected = state.seq + 1;
    if (record.seq > expected) {
      const missing =
        expected === record.seq - 1 ? `record #${expected} is` : `records #${expected} to #${record.seq - 1} are`;
      throw new Broken(
        record.chain,
        expected,
        `${missing} missing: the chain jumps from #${state.seq} to #${record.seq} (removed)`,
      );
    }
    if (record.seq < expected)
      throw new Broken(record.chain, record.seq, `record #${record.seq} comes after #${state.seq} (reordered)`);
    if (record.previousHash !== state.hash) {
      throw new Broken(
        record.chain,
        record.seq,
        `its previousHash is not the hash of ${state.seq === 0 ? 'the genesis' : `record #${state.seq}`} (records removed or reordered)`,
      );
    }
    if (hashAccessRecord(record) !== record.hash)
      throw new Broken(record.chain, record.seq, 'its content does not match its hash (changed)');
    const mark = this.signed.get(record.chain)?.get(record.seq);
    if (mark && mark.hash !== record.hash) {
      throw new Broken(
        record.chain,
        record.seq,
        `it is not the record the checkpoint of ${mark.at} signed: the chain was rewritten after that checkpoint`,
      );
    }
    if (record.policy && !this.policies.has(record.policy))
      this.policies.set(record.policy, { chain: record.chain, seq: record.seq });
    this.chains.set(record.chain, { seq: record.seq, hash: record.hash });
    this.records += 1;
    this.lastId = record.id;
  }
}

/**
 * Pass 1: every record in the order written, with the subject index alongside. An index problem
 * is returned, to be reported after the chains' own, which say more (rows deleted leave index rows).
 */
async function walkRecordsAndIndex(store: AccessLogReader, walk: ChainWalk): Promise<Broken | null> {
  let indexProblem: Broken | null = null;
  const index = store.readSubjectIndex()[Symbol.asyncIterator]();
  let pending = await index.next();
  for await (const record of store.readAll()) {
    walk.check(record);
    const listed: string[] = [];
    while (!pending.done && pending.value.recordId <= record.id) {
      if (pending.value.recordId < record.id)
        indexProblem ??= new Broken(
          record.chain,
          record.seq,
          'the subject index names a record that does not exist (records or index altered)',
        );
      else listed.push(`${pending.value.kind}:${pending.value.id}`);
      pending = await index.next();
    }
    const subjects = record.subjects.map((subject) => `${subject.kind}:${subject.id}`);
    if (listed.sort().join() !== subjects.sort().join()) {
      indexProblem ??= new Broken(
        record.chain,
        record.seq,
        "the subject index does not list exactly this record's subjects (someone's view was altered)",
      );
    }
  }
  if (!pending.done && pending.value.recordId <= walk.lastId)
    indexProblem ??= new Broken(
      '-',
      0,
      'the subject index names a record that does not exist (records or index altered)',
    );
  return indexProblem;
}

/** Pass 2: the heads, after following records committed while pass 1 ran. */
async function compareHeads(store: AccessLogReader, walk: ChainWalk): Promise<void> {
  let heads = await store.readChains();
  if (heads.some((head) => head.seq > (walk.chains.get(head.chain)?.seq ?? 0))) {
    for await (const record of store.readAll({ afterId: walk.lastId })) walk.check(record);
    heads = await store.readChains();
  }
  const headed = new Set(heads.map((head) => head.chain));
  for (const chain of walk.chains.keys()) {
    if (!headed.has(chain))
      throw new Broken(chain, 1, `records of chain ${chain} have no head row: added without going through the store`);
  }
  for (const head of heads) {
    const state = walk.chains.get(head.chain) ?? { seq: 0, hash: GENESIS_HASH };
    if (head.seq > state.seq) {
      throw new Broken(
        head.chain,
        state.seq + 1,
        `the chain ends at #${state.seq} but its head names #${head.seq}: records at the end were removed (truncated)`,
      );
    }
    if (head.seq < state.seq)
      throw new Broken(
        head.chain,
        head.seq + 1,
        `the head names #${head.seq} but records run to #${state.seq}: rows were added without going through the store`,
      );
    if (head.hash !== state.hash)
      throw new Broken(
        head.chain,
        state.seq,
        `the head's hash is not the hash of record #${state.seq} (head or tail rewritten)`,
      );
  }
}

/** Every signed head is still there: a chain cut back below it, or gone, was rewritten. */
function checkSignedHeadsReached(walk: ChainWalk): void {
  for (const [chain, marks] of walk.signed) {
    const reached = walk.chains.get(chain)?.seq ?? 0;
    for (const [seq, mark] of marks) {
      if (seq > reached) {
        throw new Broken(
          chain,
          reached + 1,
          `the checkpoint of ${mark.at} signed #${seq} of this chain, but it ${reached === 0 ? 'is gone' : `ends at #${reached}`} (records removed)`,
        );
      }
    }
  }
}

/** Every policy version a record names is kept, and its text still hashes to its name. */
async function checkPolicies(
  store: AccessLogReader,
  policies: ReadonlyMap<string, { chain: string; seq: number }>,
): Promise<void> {
  const kept = new Map((await store.readPolicies([...policies.keys()])).map((version) => [version.hash, version]));
  for (const [hash, first] of policies) {
    const version = kept.get(hash);
    if (!version)
      throw new Broken(
        first.chain,
        first.seq,
        `the policy version ${hash.slice(0, 12)}… it names is not kept in the log (removed)`,
      );
    if (sha256(version.document) !== hash)
      throw new Broken(
        first.chain,
        first.seq,
        `the text of the policy version ${hash.slice(0, 12)}… it names was changed`,
      );
  }
}

/** The signed heads of the given checkpoints, by chain and seq; a checkpoint that does not verify is itself a finding. */
async function readSignedHeads(options: VerifyOptions): Promise<SignedHeads> {
  const signed: SignedHeads = new Map();
  if (!options.checkpoints?.length) return signed;
  if (!options.keys) throw new Error('checkpoints need the platform keys to verify them');
  for (const [i, stored] of options.checkpoints.entries()) {
    const reading = await readCheckpoint(stored.jws, options.keys);
    if (!reading.ok)
      throw new Broken(
        '-',
        0,
        `checkpoint ${i + 1} (${String(stored.at).slice(0, 40)}) cannot be trusted: ${reading.problem}`,
      );
    for (const head of reading.checkpoint.heads) {
      if (head.seq === 0) continue;
      const marks = signed.get(head.chain) ?? new Map<number, { hash: string; at: string }>();
      const earlier = marks.get(head.seq);
      if (earlier && earlier.hash !== head.hash)
        throw new Broken(head.chain, head.seq, `two checkpoints sign different records as #${head.seq}`);
      marks.set(head.seq, { hash: head.hash, at: reading.checkpoint.at });
      signed.set(head.chain, marks);
    }
  }
  return signed;
}
