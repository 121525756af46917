import { accountBalancesOf, type DataSet, type InsuranceStatus, type Resident } from '../data/index.js';
import { residentIdProblem } from '../../subgraphs/kit/ids.js';
import { fenToDecimal } from '../../subgraphs/kit/money.js';
import { MAX_PERSONS_PER_CALL } from './limits.js';
import { fieldOf } from './fieldOf.js';
import { readIdList } from './readIdList.js';

/** 参保状态 (cbzt): 1 正常参保, 2 暂停缴费, 3 终止参保. */
const CBZT: Record<InsuranceStatus, string> = { ACTIVE: '1', SUSPENDED: '2', TERMINATED: '3' };

/** 人员信息 as the WSDL's tns:Ryxx: the account fields only for residents with an account. */
export interface Ryxx {
  sfzhm: string;
  xm: string;
  xb: string;
  csrq: string;
  grbh?: string;
  cbzt?: string;
  dwbh?: string;
  jfjs?: string;
  ylzhye?: string;
  yibzhye?: string;
}

/**
 * 查询参保人员信息 (CxCbryxx): residents by ID, at most MAX_PERSONS_PER_CALL. The bureau is linked
 * to the population registry, so every resident of the data set is known, insured or not; an
 * unknown ID is simply absent from the answer, as batch lookups do. Repeated IDs answer once.
 */
export function queryInsuredPersons(request: unknown, dataSet: DataSet): { ryxx: Ryxx[] } {
  const ids = readIdList(fieldOf(request, 'sfzhm'), { field: 'sfzhm', maximum: MAX_PERSONS_PER_CALL, problemOf: residentIdProblem, malformed: 'E3001' });
  const ryxx: Ryxx[] = [];
  for (const id of new Set(ids)) {
    const resident = dataSet.residentById.get(id);
    if (resident) ryxx.push(toRyxx(resident));
  }
  return { ryxx };
}

function toRyxx(resident: Resident): Ryxx {
  const person: Ryxx = {
    sfzhm: resident.id,
    xm: resident.name,
    // GB/T 2261.1: 1 男, 2 女.
    xb: resident.gender === 'MALE' ? '1' : '2',
    csrq: resident.birthDate.replaceAll('-', ''),
  };
  const account = resident.insurance;
  if (!account) return person;
  const { pensionFen, medicalFen } = accountBalancesOf(resident);
  return {
    ...person,
    grbh: account.accountNumber,
    cbzt: CBZT[account.status],
    // Since the 2015 registration reform the unit field holds the employer's USCC; empty when self-employed.
    dwbh: account.employerUscc ?? '',
    jfjs: fenToDecimal(account.contributionBaseFen),
    ylzhye: fenToDecimal(pensionFen),
    yibzhye: fenToDecimal(medicalFen),
  };
}
