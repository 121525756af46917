import type { DataSet } from '../data/index.js';
import { toGdxx, type Gdxx } from './toGdxx.js';
import { toQyxx, type Qyxx } from './toQyxx.js';
import { toRecordXml } from './toRecordXml.js';

/** A registry record with its response XML, written once (see toRecordXml). */
export type WithXml<T> = Readonly<T> & { readonly xml: string };

/** The registry's records, translated once at start so a request only looks them up. */
export interface RegistryIndex {
  qyxxByTyshxydm: ReadonlyMap<string, WithXml<Qyxx>>;
  /** In data-set order, which is the order searches answer in. */
  qyxxList: readonly WithXml<Qyxx>[];
  qyxxByFddbrzjhm: ReadonlyMap<string, readonly WithXml<Qyxx>[]>;
  gdxxByTyshxydm: ReadonlyMap<string, readonly WithXml<Gdxx>[]>;
  gdxxByZjhm: ReadonlyMap<string, readonly WithXml<Gdxx>[]>;
}

/**
 * Translates the whole data set into registry records. The records are immutable facts of the
 * data set, so sharing them between requests caches nothing the fault plan could change.
 */
export function buildRegistryIndex(dataSet: DataSet): RegistryIndex {
  const qyxxList = dataSet.companies.map((company) => withXml('qyxx', toQyxx(company, dataSet)));
  const qyxxByTyshxydm = new Map(qyxxList.map((qyxx) => [qyxx.tyshxydm, qyxx]));
  const qyxxByFddbrzjhm = new Map<string, WithXml<Qyxx>[]>();
  for (const qyxx of qyxxList) pushTo(qyxxByFddbrzjhm, qyxx.fddbrzjhm, qyxx);
  const gdxxByTyshxydm = new Map<string, WithXml<Gdxx>[]>();
  const gdxxByZjhm = new Map<string, WithXml<Gdxx>[]>();
  for (const holding of dataSet.shareholdings) {
    const gdxx = withXml('gdxx', toGdxx(holding, dataSet));
    pushTo(gdxxByTyshxydm, gdxx.tyshxydm, gdxx);
    pushTo(gdxxByZjhm, gdxx.zjhm, gdxx);
  }
  return { qyxxByTyshxydm, qyxxList, qyxxByFddbrzjhm, gdxxByTyshxydm, gdxxByZjhm };
}

function withXml<T extends object>(element: string, record: T): WithXml<T> {
  return Object.freeze({ ...record, xml: toRecordXml(element, record) });
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
