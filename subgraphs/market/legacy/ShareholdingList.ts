import { readAnswer, type Sliceable } from '../../kit/index.js';
import { gdxxSchema } from './registrySchemas.js';
import type { ShareholdingRecord } from './ShareholdingRecord.js';
import { toShareholdingRecord } from './toShareholdingRecord.js';

/**
 * Shareholdings as the registry sent them, checked and translated only when a page asks for them
 * (issue 23: a company has up to 1,000 shareholders and a page shows at most 100). The answer's
 * shape and its record count were checked when it was read (readShareholdings.ts); each record is
 * checked against gdxxSchema and translated the first time a slice holds it, and a record that
 * does not fit makes that page 'malformed', as a malformed answer always did.
 */
export class ShareholdingList implements Sliceable<ShareholdingRecord> {
  readonly #raw: readonly Record<string, string>[];
  readonly #translated: (ShareholdingRecord | undefined)[] = [];

  constructor(raw: readonly Record<string, string>[]) {
    this.#raw = raw;
  }

  get length(): number {
    return this.#raw.length;
  }

  slice(start = 0, end = this.#raw.length): ShareholdingRecord[] {
    const records: ShareholdingRecord[] = [];
    for (let index = Math.max(0, start); index < Math.min(end, this.#raw.length); index += 1) {
      records.push((this.#translated[index] ??= this.#translate(this.#raw[index]!)));
    }
    return records;
  }

  #translate(gdxx: Record<string, string>): ShareholdingRecord {
    return readAnswer('market', () => toShareholdingRecord(gdxxSchema.parse(gdxx)));
  }
}
