import { z } from 'zod';
import { readXmlRecords } from '../../kit/index.js';
import type { ContributionRecord } from './ContributionRecord.js';
import { residentId } from './legacyValues.js';
import { jfmxSchema, toContributionRecord } from './toContributionRecord.js';

const contributionsAnswer = z.object({ sfzhm: residentId, jfmx: z.array(jfmxSchema) });

/** One CxGrjfmx answer: whose contributions they are (canonical resident ID), and the months, oldest first. */
export interface ContributionsAnswer {
  sfzhm: string;
  contributions: ContributionRecord[];
}

/**
 * A CxGrjfmx answer (up to 120 months a call, 600 for a pension history), read from its XML by
 * kit's lean reader of fixed-shape answers rather than by the `soap` package's generic parser
 * (issue 23), then checked as before (the resident ID, each jfmx) and translated. Anything that
 * does not fit throws; the client's readAnswer makes it 'malformed'.
 */
export function readContributions(xml: unknown): ContributionsAnswer {
  if (typeof xml !== 'string') throw new TypeError('CxGrjfmxResponse: no answer to read');
  const { scalars, records } = readXmlRecords(xml, { answer: 'CxGrjfmxResponse', record: 'jfmx' });
  const answer = contributionsAnswer.parse({ sfzhm: scalars.sfzhm, jfmx: records });
  return { sfzhm: answer.sfzhm, contributions: answer.jfmx.map(toContributionRecord) };
}
