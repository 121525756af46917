import { JournalFile } from './JournalFile.js';
import { markWriteDone } from './writeScope.js';

/** One write that took effect: what was asked, under which key, and what the system answered. */
export interface WriteRecord {
  /** The operation in the system's own name (RegisterEnterprise, nsrdj.dj, ...). */
  operation: string;
  /** The caller's idempotency key (its request id for this write). */
  key: string;
  /** When it took effect, ISO 8601. */
  at: string;
  /** The request as the system read it (normalised: trimmed, identifiers canonical), without the key. */
  input: unknown;
  /** The first answer, which every retry with the same key gets again. */
  answer: unknown;
}

/** A write-log line of GET /__admin/writes: no input and no answer, so no personal data. */
export interface WriteLogEntry {
  operation: string;
  key: string;
  at: string;
}

/** The outcome of a write request: done now, done before (the first answer), or a key reused for another request. */
export type WriteOutcome =
  | { kind: 'written'; answer: unknown }
  | { kind: 'replayed'; answer: unknown }
  | { kind: 'keyReused'; operation: string };

export interface WriteStoreOptions {
  /** The overlay file (JSON lines); undefined keeps the writes in memory only, for one run. */
  file?: string;
  /**
   * Changes the system's state by one write: run for each record read back at start, then for each
   * new one once it is durable. It must not fail for a record `decide` accepted: `decide` checks
   * everything `apply` relies on, or the journal would hold a write the system cannot replay.
   */
  apply(record: WriteRecord): void;
  /**
   * The system's refusal of a new write while the refuseWrites fault is on (what to throw), or
   * null to go on; asked after the key check, so a retry of a done write is still answered.
   */
  refusal?: (operation: string) => unknown;
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * A stand-in's writes: idempotent by key, durable before they are answered, replayed at start.
 *
 * A write goes: the key seen before? Then the same request gets its first answer and nothing
 * changes, another request under the same key is refused (keyReused). Otherwise `decide` checks
 * the request against the current state and returns the answer, or throws the system's refusal
 * (nothing is remembered of a refusal: a retry is checked afresh); then the record is appended to
 * the overlay file and fsynced, and only then applied to the state and answered. All of it runs in
 * one turn of the event loop, so two requests never interleave between check and change.
 */
export class WriteStore {
  readonly #journal: JournalFile | undefined;
  readonly #apply: (record: WriteRecord) => void;
  readonly #now: () => Date;
  readonly #refusal: (operation: string) => unknown;
  readonly #records: WriteRecord[] = [];
  readonly #byKey = new Map<string, WriteRecord>();

  private constructor(journal: JournalFile | undefined, options: WriteStoreOptions) {
    this.#journal = journal;
    this.#apply = options.apply;
    this.#now = options.now ?? (() => new Date());
    this.#refusal = options.refusal ?? (() => null);
  }

  /** Opens the overlay file and replays every write in it; throws when a record cannot be applied. */
  static open(options: WriteStoreOptions): WriteStore {
    if (options.file === undefined) return new WriteStore(undefined, options);
    const { journal, lines } = JournalFile.open(options.file);
    const store = new WriteStore(journal, options);
    try {
      lines.forEach((line, index) => {
        const record = toRecord(line);
        if (!record) throw new Error(`${options.file}:${index + 1}: not a write record`);
        try {
          store.#remember(record);
        } catch (error) {
          throw new Error(
            `${options.file}:${index + 1}: cannot replay ${record.operation}: ${(error as Error).message}`,
          );
        }
      });
    } catch (error) {
      journal.close();
      throw error;
    }
    return store;
  }

  /**
   * Performs one write once. `input` must be the normalised request without the key: the same key
   * with an equal input is a retry, with another input a mistake the caller must hear about.
   */
  write(operation: string, key: string, input: unknown, decide: () => unknown): WriteOutcome {
    const earlier = this.#byKey.get(key);
    if (earlier) {
      if (earlier.operation === operation && sameJson(earlier.input, input))
        return { kind: 'replayed', answer: earlier.answer };
      return { kind: 'keyReused', operation: earlier.operation };
    }
    const refusal = this.#refusal(operation);
    if (refusal !== null && refusal !== undefined) throw refusal;
    const answer = decide();
    const record: WriteRecord = { operation, key, at: this.#now().toISOString(), input, answer };
    // Round-tripped through JSON first, so the state built now equals the one replayed after a restart.
    const durable = JSON.parse(JSON.stringify(record)) as WriteRecord;
    this.#journal?.append(durable);
    this.#remember(durable);
    markWriteDone();
    return { kind: 'written', answer: durable.answer };
  }

  /** Every write that took effect, oldest first (GET /__admin/writes). */
  log(): WriteLogEntry[] {
    return this.#records.map(({ operation, key, at }) => ({ operation, key, at }));
  }

  /** The records themselves, for the system's own reads of what was written. */
  records(): readonly WriteRecord[] {
    return this.#records;
  }

  close(): void {
    this.#journal?.close();
  }

  #remember(record: WriteRecord): void {
    this.#apply(record);
    this.#records.push(record);
    this.#byKey.set(record.key, record);
  }
}

function toRecord(line: unknown): WriteRecord | null {
  if (typeof line !== 'object' || line === null) return null;
  const { operation, key, at, input, answer } = line as Record<string, unknown>;
  if (typeof operation !== 'string' || typeof key !== 'string' || typeof at !== 'string') return null;
  return { operation, key, at, input, answer };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
