import type { CallStats, WriteStore } from '../common/index.js';
import type { DataSet } from '../data/index.js';
import type { LegacyTaxpayer } from './toLegacyTaxpayer.js';
import type { TaxpayerRegister } from './TaxpayerRegister.js';

/** One request as an operation sees it: the query string and, for POST, the parsed JSON body. */
export interface TaxRequest {
  query: URLSearchParams;
  body: unknown;
}

/** What every operation may read: the data set, its precomputed taxpayer records, the call counter, and what was written since. */
export interface TaxContext {
  dataSet: DataSet;
  /** The taxpayer register in legacy form, built once at start (it never changes). */
  taxpayers: ReadonlyMap<string, LegacyTaxpayer>;
  stats: CallStats;
  /** Taxpayers registered through this interface (the overlay), answered after the data set's. */
  register: TaxpayerRegister;
  /** The write store the write operations go through (taxWriteOperation.ts). */
  writes: WriteStore;
  /** The bureau's clock: registration and cancellation dates. */
  now(): Date;
}

/** One operation of the tax system's interface document. */
export interface TaxOperation {
  /** The operation's name in the interface document and in GET /__admin/stats. */
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /**
   * Answers one authenticated call with the `data` of a success wrapper, or throws a
   * TaxRefusal. Records the call in `stats` once its input has passed the checks.
   */
  run(request: TaxRequest, context: TaxContext): unknown;
}
