import type { Company, CompanyStatus, DataSet } from '../data/index.js';
import { fenToWanYuan } from './fenToWanYuan.js';

/** One enterprise as the registry prints it (WSDL type tns:Qyxx). */
export interface Qyxx {
  tyshxydm: string;
  qymc: string;
  qylx: string;
  djzt: string;
  clrq: string;
  zczb: string;
  zs: string;
  jyfw: string;
  fddbr: string;
  fddbrzjhm: string;
}

/** 登记状态: 1 存续, 2 吊销, 3 注销. */
const DJZT: Record<CompanyStatus, string> = { ACTIVE: '1', REVOKED: '2', CANCELLED: '3' };

/** A data-set company in the registry's vocabulary; the representative's name comes from the residents. */
export function toQyxx(company: Company, dataSet: DataSet): Qyxx {
  const representative = dataSet.residentById.get(company.legalRepresentativeId);
  if (!representative) throw new Error('the data set names a legal representative who is not a resident');
  return {
    tyshxydm: company.uscc,
    qymc: company.name,
    qylx: company.legalForm,
    djzt: DJZT[company.status],
    clrq: company.establishedOn.replaceAll('-', ''),
    zczb: fenToWanYuan(company.registeredCapitalFen),
    zs: company.address,
    jyfw: company.businessScope,
    fddbr: representative.name,
    fddbrzjhm: representative.id,
  };
}
