import type { IServices } from 'soap';
import { canonicalId, residentIdProblem, usccProblem } from '../../core/ids.js';
import type { CallStats } from '../common/index.js';
import type { RegistryIndex, WithXml } from './buildRegistryIndex.js';
import type { RegistrationBook } from './RegistrationBook.js';
import { registryFault } from './registryFault.js';
import type { RegistryErrorCode } from './registryErrors.js';
import type { RegistryOperation, RegistryWriteOperation } from './registryOperations.js';
import type { Gdxx } from './toGdxx.js';
import type { Qyxx } from './toQyxx.js';

/** 批量查询上限: the most codes one batch request may carry (registry.wsdl, maxOccurs). */
export const REGISTRY_BATCH_MAXIMUM = 100;
/** The largest search page (mys). */
export const SEARCH_PAGE_SIZE_MAXIMUM = 50;
/** The longest name keyword; a registered name is far shorter. */
export const SEARCH_KEYWORD_MAXIMUM_LENGTH = 50;
/** The highest page number accepted, so a page offset stays a small integer. */
const SEARCH_PAGE_NUMBER_MAXIMUM = 100_000;

type Method = (args: unknown) => object;

/** What the registry has registered since the data set: its book, and the write operations (createRegistryWrites). */
export interface RegistryOverlay {
  book: RegistrationBook;
  writes: Record<RegistryWriteOperation, Method>;
}

/**
 * The registry's operations over the precomputed records, in the shape the `soap` package
 * serves (service → port → method). Each query is counted once with the number of keys it asked
 * for (1 for a search), then its input is checked as the real registry checks it: a malformed
 * code, an empty or oversized batch, bad paging each get their own fault code. Unknown codes are
 * not an error: they are simply absent from the answer. Enterprises registered through the write
 * operations are answered like the data set's, after them (RegistrationBook says which when).
 */
export function createRegistryService(index: RegistryIndex, stats: CallStats, overlay: RegistryOverlay): IServices {
  const { book } = overlay;
  const methods: Record<RegistryOperation, Method> = {
    ...overlay.writes,
    queryQyjbxx(args) {
      const codes = readKeys(stats, 'queryQyjbxx', args, 'tyshxydm');
      const qyxx = checkAll(codes, usccProblem, 'E1001').flatMap(
        (code) => index.qyxxByTyshxydm.get(code) ?? book.served(code) ?? [],
      );
      return answer({ jls: qyxx.length }, qyxx);
    },
    searchQyjbxx(args) {
      stats.record('searchQyjbxx', 1);
      const { keyword, page, pageSize } = readSearch(args);
      const named = (qyxx: Qyxx) => qyxx.qymc.includes(keyword);
      const matches = index.qyxxList.filter(named).concat(book.established().filter(named));
      const qyxx = matches.slice((page - 1) * pageSize, page * pageSize);
      return answer({ zjls: matches.length, ym: page, mys: pageSize }, qyxx);
    },
    queryQyjbxxByFddbr(args) {
      const ids = readKeys(stats, 'queryQyjbxxByFddbr', args, 'fddbrzjhm');
      const established = book.established();
      const qyxx: WithXml<Qyxx>[] = checkAll(ids, residentIdProblem, 'E1002').flatMap((id) => [
        ...(index.qyxxByFddbrzjhm.get(id) ?? []),
        ...established.filter((registered) => registered.fddbrzjhm === id),
      ]);
      return answer({ jls: qyxx.length }, qyxx);
    },
    queryGdxx(args) {
      const codes = readKeys(stats, 'queryGdxx', args, 'tyshxydm');
      const gdxx: WithXml<Gdxx>[] = checkAll(codes, usccProblem, 'E1001').flatMap(
        (code) => index.gdxxByTyshxydm.get(code) ?? [],
      );
      return answer({ jls: gdxx.length }, gdxx);
    },
    queryDwtzxx(args) {
      const ids = readKeys(stats, 'queryDwtzxx', args, 'zjhm');
      const gdxx: WithXml<Gdxx>[] = checkAll(ids, residentIdProblem, 'E1002').flatMap(
        (id) => index.gdxxByZjhm.get(id) ?? [],
      );
      return answer({ jls: gdxx.length }, gdxx);
    },
  };
  const port: Record<string, Method> = {};
  for (const [name, method] of Object.entries(methods)) port[name] = guardAgainstBugs(method);
  return { QydjService: { QydjServicePort: port } };
}

/**
 * The response body: the count fields, then the records' XML written at start. `$xml` is the
 * `soap` package's key for content it passes through unchanged inside the response element,
 * which keeps the per-call cost to a concatenation instead of a schema-driven serialisation.
 */
function answer(counts: Record<string, number>, records: readonly WithXml<object>[]): object {
  let xml = '';
  for (const [field, count] of Object.entries(counts)) xml += `<${field}>${count}</${field}>`;
  for (const record of records) xml += record.xml;
  return { $xml: xml };
}

/** Counts the call, then reads the repeated key element: present, at most the batch maximum, all text. */
function readKeys(stats: CallStats, operation: RegistryOperation, args: unknown, field: string): string[] {
  const raw = isRecord(args) ? args[field] : undefined;
  const list: unknown[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  stats.record(operation, list.length);
  if (list.length === 0) throw registryFault('E1003', `at least one ${field} is required`);
  if (list.length > REGISTRY_BATCH_MAXIMUM)
    throw registryFault('E1004', `${list.length} ${field} given, at most ${REGISTRY_BATCH_MAXIMUM} per request`);
  return list.map((value) => (typeof value === 'string' ? value.trim() : ''));
}

/** Checks every key's check digits; the fault names the position, never the value (it may be a person's ID). */
function checkAll(
  keys: readonly string[],
  problemOf: (value: string) => string | null,
  code: RegistryErrorCode,
): string[] {
  const canonical = new Set<string>();
  keys.forEach((key, i) => {
    const problem = key === '' ? 'the element is empty or not text' : problemOf(key);
    if (problem) throw registryFault(code, `item ${i + 1}: ${problem}`);
    canonical.add(canonicalId(key));
  });
  return [...canonical];
}

function readSearch(args: unknown): { keyword: string; page: number; pageSize: number } {
  const record = isRecord(args) ? args : {};
  const keyword = typeof record.qymc === 'string' ? record.qymc.trim() : '';
  if (keyword === '') throw registryFault('E1006', 'qymc (the name keyword) is required');
  if (keyword.length > SEARCH_KEYWORD_MAXIMUM_LENGTH)
    throw registryFault('E1006', `qymc is longer than ${SEARCH_KEYWORD_MAXIMUM_LENGTH} characters`);
  const page = readInteger(record.ym);
  if (page === null || page < 1 || page > SEARCH_PAGE_NUMBER_MAXIMUM)
    throw registryFault('E1005', `ym (page number) must be a whole number from 1 to ${SEARCH_PAGE_NUMBER_MAXIMUM}`);
  const pageSize = readInteger(record.mys);
  if (pageSize === null || pageSize < 1 || pageSize > SEARCH_PAGE_SIZE_MAXIMUM)
    throw registryFault('E1005', `mys (page size) must be a whole number from 1 to ${SEARCH_PAGE_SIZE_MAXIMUM}`);
  return { keyword, page, pageSize };
}

/** xsd:int arrives as a number when the `soap` parser typed it, or as text. */
function readInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * A thrown fault passes through; anything else is a bug in the mock, answered as a plain
 * server fault so the `soap` package does not print the exception's text into the response.
 */
function guardAgainstBugs(method: Method): Method {
  return (args) => {
    try {
      return method(args);
    } catch (error) {
      if (isRecord(error) && 'Fault' in error) throw error;
      throw registryFault('E9000');
    }
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
