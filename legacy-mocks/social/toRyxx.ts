import { accountBalancesOf, type InsuranceStatus, type Resident } from '../data/index.js';
import { fenToDecimal } from '../../core/money.js';

/** 参保状态 (cbzt): 1 正常参保, 2 暂停缴费, 3 终止参保. */
const CBZT: Record<InsuranceStatus, string> = { ACTIVE: '1', SUSPENDED: '2', TERMINATED: '3' };

/**
 * 人员信息 as the WSDL's tns:Ryxx: the contact details for every resident, the account fields only
 * for residents with an account.
 */
export interface Ryxx {
  sfzhm: string;
  xm: string;
  xb: string;
  csrq: string;
  /** 联系电话: the mobile number on file. */
  lxdh?: string;
  /** 居住地址: the home address on file. */
  jzdz?: string;
  grbh?: string;
  cbzt?: string;
  dwbh?: string;
  jfjs?: string;
  ylzhye?: string;
  yibzhye?: string;
}

/**
 * Each resident's record in the bureau's form, built once: the balances sum every month paid, and
 * the data set never changes, so this is an index of the data set rather than a cache of answers
 * (every call still goes through the fault plan). Keyed weakly by the resident object, so a
 * data set's entries go when the data set goes.
 */
const built = new WeakMap<Resident, Readonly<Ryxx>>();

/** A resident as the bureau's tns:Ryxx; the same frozen object on every call. */
export function toRyxx(resident: Resident): Readonly<Ryxx> {
  let ryxx = built.get(resident);
  if (!ryxx) {
    ryxx = Object.freeze(buildRyxx(resident));
    built.set(resident, ryxx);
  }
  return ryxx;
}

function buildRyxx(resident: Resident): Ryxx {
  const person: Ryxx = {
    sfzhm: resident.id,
    xm: resident.name,
    // GB/T 2261.1: 1 男, 2 女.
    xb: resident.gender === 'MALE' ? '1' : '2',
    csrq: resident.birthDate.replaceAll('-', ''),
    // Linked to the population registry, the bureau holds contact details for the insured and uninsured alike.
    lxdh: resident.phone,
    jzdz: resident.address,
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
