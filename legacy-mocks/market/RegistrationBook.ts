import type { WriteRecord } from '../common/index.js';
import type { DataSet } from '../data/index.js';
import type { WithXml } from './buildRegistryIndex.js';
import { toRecordXml } from './toRecordXml.js';
import type { Qyxx } from './toQyxx.js';

/** Where a registration (设立登记) stands: 待核准, 存续 once approved, 已驳回, 已撤回. */
export type RegistrationStatus = 'PENDING' | 'ACTIVE' | 'REJECTED' | 'WITHDRAWN';

/** 登记状态 digits of the registration operations' answers (1 存续 is the register's own). */
export const DJZT_OF: Readonly<Record<RegistrationStatus, string>> = {
  PENDING: '0',
  ACTIVE: '1',
  REJECTED: '8',
  WITHDRAWN: '9',
};

export interface Registration {
  status: RegistrationStatus;
  /** The enterprise as the queries print it, its XML written once per change. */
  qyxx: WithXml<Qyxx>;
}

/**
 * The enterprises registered through this system since the data set was generated: the overlay
 * state the write journal rebuilds at start. A pending registration is known by its code only
 * (queryQyjbxx, with djzt 0); it enters the search and the representative's list once approved;
 * a rejected or withdrawn one never became an enterprise and is absent from every query.
 */
export class RegistrationBook {
  readonly #dataSet: DataSet;
  readonly #byUscc = new Map<string, Registration>();
  /** Register order, which searches answer in after the data set's own enterprises. */
  readonly #order: string[] = [];

  constructor(dataSet: DataSet) {
    this.#dataSet = dataSet;
  }

  get(uscc: string): Registration | undefined {
    return this.#byUscc.get(uscc);
  }

  /** What queryQyjbxx answers for a code: a pending or approved registration. */
  served(uscc: string): WithXml<Qyxx> | undefined {
    const registration = this.#byUscc.get(uscc);
    return registration && (registration.status === 'PENDING' || registration.status === 'ACTIVE')
      ? registration.qyxx
      : undefined;
  }

  /** The approved enterprises in register order. */
  established(): WithXml<Qyxx>[] {
    return this.#order.flatMap((uscc) => {
      const registration = this.#byUscc.get(uscc)!;
      return registration.status === 'ACTIVE' ? [registration.qyxx] : [];
    });
  }

  /** A name held by a registration that is pending or approved. */
  holdsName(name: string): boolean {
    for (const registration of this.#byUscc.values())
      if (registration.qyxx.qymc === name && (registration.status === 'PENDING' || registration.status === 'ACTIVE'))
        return true;
    return false;
  }

  /** Changes the book by one journaled write (live, or read back at start). */
  apply(record: WriteRecord): void {
    const answer = record.answer as Record<string, string>;
    if (record.operation === 'RegisterEnterprise') return this.#register(record.input as RegisterInput, answer);
    const registration = this.#byUscc.get(answer.tyshxydm ?? '');
    if (!registration) throw new Error(`no registration for ${record.operation}`);
    const status = (Object.keys(DJZT_OF) as RegistrationStatus[]).find((name) => DJZT_OF[name] === answer.djzt);
    if (!status) throw new Error(`unknown djzt in ${record.operation}`);
    registration.status = status;
    if (status === 'ACTIVE' && answer.clrq) this.#rewrite(registration, { djzt: DJZT_OF.ACTIVE, clrq: answer.clrq });
  }

  #register(input: RegisterInput, answer: Record<string, string>): void {
    const representative = this.#dataSet.residentById.get(input.fddbrzjhm);
    if (!representative || !answer.tyshxydm || !answer.slrq) throw new Error('an incomplete registration');
    // The WSDL's field order: toRecordXml writes the fields as they come.
    const qyxx: Qyxx = {
      tyshxydm: answer.tyshxydm,
      qymc: input.qymc,
      qylx: input.qylx,
      djzt: DJZT_OF.PENDING,
      // Until the licence is issued, 成立日期 is the day the application was accepted (受理日期).
      clrq: answer.slrq,
      zczb: input.zczb,
      zs: input.zs,
      jyfw: input.jyfw,
      fddbr: representative.name,
      fddbrzjhm: representative.id,
    };
    this.#byUscc.set(qyxx.tyshxydm, { status: 'PENDING', qyxx: withXml(qyxx) });
    this.#order.push(qyxx.tyshxydm);
  }

  #rewrite(registration: Registration, change: Partial<Qyxx>): void {
    const { xml: _xml, ...qyxx } = registration.qyxx;
    registration.qyxx = withXml({ ...qyxx, ...change });
  }
}

/** A registration request as RegisterEnterprise reads it (the journal's input). */
export interface RegisterInput {
  qymc: string;
  qylx: string;
  /** 万元, normalised as the register prints capital. */
  zczb: string;
  fddbrzjhm: string;
  zs: string;
  jyfw: string;
}

function withXml(qyxx: Qyxx): WithXml<Qyxx> {
  return Object.freeze({ ...qyxx, xml: toRecordXml('qyxx', qyxx) });
}
