import type { DataSet, Shareholding } from '../data/index.js';
import { fenToWanYuan } from './fenToWanYuan.js';

/** One shareholding as the registry prints it (WSDL type tns:Gdxx). */
export interface Gdxx {
  tyshxydm: string;
  qymc: string;
  gdmc: string;
  zjhm: string;
  /** 持股比例 in percent with two decimals, e.g. "12.50". */
  cgbl: string;
  /** 认缴出资额 in 万元. */
  rjcze: string;
}

/** A data-set shareholding in the registry's vocabulary; names come from the company and the resident. */
export function toGdxx(holding: Shareholding, dataSet: DataSet): Gdxx {
  const company = dataSet.companyByUscc.get(holding.companyUscc);
  const holder = dataSet.residentById.get(holding.holderId);
  if (!company || !holder) throw new Error('the data set has a shareholding of an unknown company or holder');
  return {
    tyshxydm: holding.companyUscc,
    qymc: company.name,
    gdmc: holder.name,
    zjhm: holding.holderId,
    cgbl: holding.sharePercent.toFixed(2),
    rjcze: fenToWanYuan(holding.subscribedCapitalFen),
  };
}
