import type { DataSet } from '../data/index.js';
import { residentIdProblem } from '../../core/ids.js';
import { MAX_PERSONS_PER_CALL } from './limits.js';
import { fieldOf } from './fieldOf.js';
import { readIdList } from './readIdList.js';
import { toRyxx, type Ryxx } from './toRyxx.js';

/**
 * 查询参保人员信息 (CxCbryxx): residents by ID, at most MAX_PERSONS_PER_CALL. The bureau is linked
 * to the population registry, so every resident of the data set is known, insured or not; an
 * unknown ID is simply absent from the answer, as batch lookups do. Repeated IDs answer once.
 */
export function queryInsuredPersons(request: unknown, dataSet: DataSet): { ryxx: Array<Readonly<Ryxx>> } {
  const ids = readIdList(fieldOf(request, 'sfzhm'), {
    field: 'sfzhm',
    maximum: MAX_PERSONS_PER_CALL,
    problemOf: residentIdProblem,
    malformed: 'E3001',
  });
  const ryxx: Array<Readonly<Ryxx>> = [];
  for (const id of new Set(ids)) {
    const resident = dataSet.residentById.get(id);
    if (resident) ryxx.push(toRyxx(resident));
  }
  return { ryxx };
}
