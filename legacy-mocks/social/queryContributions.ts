import { contributionsOf, isPeriod, periodIndex, type DataSet } from '../data/index.js';
import { canonicalId, residentIdProblem } from '../../core/ids.js';
import { fenToDecimal } from '../../core/money.js';
import { fieldOf } from './fieldOf.js';
import { MAX_CONTRIBUTION_MONTHS } from './limits.js';
import { socialFault } from './socialFault.js';

/** 缴费明细 as the WSDL's tns:Jfmx: one month, amounts in yuan. */
export interface Jfmx {
  ssq: string;
  jfjs: string;
  grjf: string;
  dwjf: string;
}

/**
 * 查询个人缴费明细 (CxGrjfmx): one resident's monthly contributions from ksqq to jzqq (YYYYMM,
 * both included, at most MAX_CONTRIBUTION_MONTHS months). A single lookup, so an unknown resident
 * is a fault (E4001); a known resident without an account, or months outside the account's
 * life, simply have no jfmx.
 */
export function queryContributions(request: unknown, dataSet: DataSet): { sfzhm: string; jfmx: Jfmx[] } {
  const sfzhm = fieldOf(request, 'sfzhm');
  const ksqq = fieldOf(request, 'ksqq');
  const jzqq = fieldOf(request, 'jzqq');
  if (sfzhm === undefined || sfzhm === null) throw socialFault('E3006', 'sfzhm');
  if (ksqq === undefined || ksqq === null || jzqq === undefined || jzqq === null)
    throw socialFault('E3006', 'ksqq and jzqq');
  const problem = typeof sfzhm === 'string' ? residentIdProblem(sfzhm) : 'sfzhm must be text';
  if (problem !== null) throw socialFault('E3001', problem);
  if (typeof ksqq !== 'string' || !isPeriod(ksqq)) throw socialFault('E3003', 'ksqq');
  if (typeof jzqq !== 'string' || !isPeriod(jzqq)) throw socialFault('E3003', 'jzqq');
  const months = periodIndex(jzqq) - periodIndex(ksqq) + 1;
  if (months < 1) throw socialFault('E3004');
  if (months > MAX_CONTRIBUTION_MONTHS)
    throw socialFault('E3005', `at most ${MAX_CONTRIBUTION_MONTHS} months from ksqq to jzqq`);
  const resident = dataSet.residentById.get(canonicalId(sfzhm as string));
  if (!resident) throw socialFault('E4001');
  return {
    sfzhm: resident.id,
    jfmx: contributionsOf(resident, ksqq, jzqq).map((month) => ({
      ssq: month.period,
      jfjs: fenToDecimal(month.baseFen),
      grjf: fenToDecimal(month.personalFen),
      dwjf: fenToDecimal(month.employerFen),
    })),
  };
}
