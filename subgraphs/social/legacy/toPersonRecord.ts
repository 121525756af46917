import { z } from 'zod';
import { homeAddress, legacyDate, mobilePhone, residentId, uscc, yuan } from './legacyValues.js';
import type { PersonRecord } from './PersonRecord.js';

/** 性别 (xb), GB/T 2261.1: 1 男, 2 女. */
const GENDERS = { 1: 'MALE', 2: 'FEMALE' } as const;

/** 参保状态 (cbzt): 1 正常参保, 2 暂停缴费, 3 终止参保. */
const STATUSES = { 1: 'ACTIVE', 2: 'SUSPENDED', 3: 'TERMINATED' } as const;

const person = {
  sfzhm: residentId,
  xm: z.string().min(1),
  xb: z.enum(['1', '2']).transform((code) => GENDERS[code]),
  csrq: legacyDate,
  // Contact details are optional in the WSDL: absent means none on file, but a present one must be well-formed.
  lxdh: mobilePhone.optional(),
  jzdz: homeAddress.optional(),
};

/**
 * 人员信息 (tns:Ryxx): a resident, with the account fields all present (insured) or all absent
 * (never insured); a half-filled account is malformed rather than guessed at.
 */
export const ryxxSchema = z.union([
  z.object({
    ...person,
    grbh: z.string().min(1),
    cbzt: z.enum(['1', '2', '3']).transform((code) => STATUSES[code]),
    // The unit field holds the employer's USCC; empty (or absent) for the self-employed.
    dwbh: z.union([z.literal(''), uscc]).optional(),
    jfjs: yuan,
    ylzhye: yuan,
    yibzhye: yuan,
  }),
  z.object({
    ...person,
    grbh: z.never().optional(),
    cbzt: z.never().optional(),
    dwbh: z.never().optional(),
    jfjs: z.never().optional(),
    ylzhye: z.never().optional(),
    yibzhye: z.never().optional(),
  }),
]);

export type Ryxx = z.output<typeof ryxxSchema>;

/** A checked Ryxx as the graph's PersonRecord: the contract's Person and its socialSecurity. */
export function toPersonRecord(ryxx: Ryxx): PersonRecord {
  const { sfzhm: id, xm: name, xb: gender, csrq: birthDate } = ryxx;
  const contact = { phone: ryxx.lxdh ?? null, address: ryxx.jzdz ?? null };
  if (ryxx.grbh === undefined) return { id, name, gender, birthDate, ...contact, account: null };
  return {
    id,
    name,
    gender,
    birthDate,
    ...contact,
    account: {
      personId: id,
      accountNumber: ryxx.grbh,
      status: ryxx.cbzt,
      employerUscc: ryxx.dwbh || null,
      contributionBase: ryxx.jfjs,
      pensionBalance: ryxx.ylzhye,
      medicalBalance: ryxx.yibzhye,
    },
  };
}
