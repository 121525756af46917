import { z } from 'zod';
import { legacyPeriod, yuan } from './legacyValues.js';
import type { ContributionRecord } from './ContributionRecord.js';

/** 缴费明细 (tns:Jfmx): 所属期 ssq, 缴费基数 jfjs, 个人缴费 grjf, 单位缴费 dwjf. */
export const jfmxSchema = z.object({ ssq: legacyPeriod, jfjs: yuan, grjf: yuan, dwjf: yuan });

export type Jfmx = z.output<typeof jfmxSchema>;

/** A checked month of contributions as the graph's Contribution. */
export function toContributionRecord(jfmx: Jfmx): ContributionRecord {
  return { period: jfmx.ssq, base: jfmx.jfjs, personalAmount: jfmx.grjf, employerAmount: jfmx.dwjf };
}
