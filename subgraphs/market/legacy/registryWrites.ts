import { z } from 'zod';
import { callSoapWrite, readAnswer, toIsoDate, type LegacySoapClient } from '../../kit/index.js';
import type { EnterpriseRegistrationRecord } from './EnterpriseRegistrationRecord.js';
import { registryRefusals } from './registryRefusals.js';
import { toCompanyStatus } from './toCompanyStatus.js';

/** A registration to send, in graph terms, checked by the resolver; capital already in 万元. */
export interface EnterpriseRegistrationRequest {
  name: string;
  legalForm: string;
  /** 注册资本 in 万元 (10,000 CNY), as the registry writes it: "12.5". */
  capitalInWanYuan: string;
  legalRepresentativeId: string;
  address: string;
  businessScope: string;
}

const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const registered = z.object({ tyshxydm: z.string().regex(USCC), djzt: z.literal('0'), slrq: z.string() });
const approved = z.object({ tyshxydm: z.string().regex(USCC), djzt: z.literal('1'), clrq: z.string() });
const closed = z.object({ tyshxydm: z.string().regex(USCC), djzt: z.enum(['8', '9']) });

/**
 * The registry's four registration writes (设立登记, legacy-mocks/market/README.md), over the
 * market client's SOAP transport. Each sends the caller's idempotency key as `qqlsh`; the
 * registry answers a repeated key with its first answer, so the guard's retry of a write that
 * failed on the wire (kit's callSoapWrite) registers nothing twice. Refusals are DEPARTMENT_REFUSED
 * with the registry's reason in words (registryRefusals.ts).
 */
export class RegistryWrites {
  readonly #transport: LegacySoapClient;

  constructor(transport: LegacySoapClient) {
    this.#transport = transport;
  }

  /** RegisterEnterprise: a new pending registration and its new USCC. */
  async register(request: EnterpriseRegistrationRequest, key: string): Promise<EnterpriseRegistrationRecord> {
    // In the WSDL's order: the registry's schema is a sequence.
    const answer = await this.#write('RegisterEnterprise', {
      qqlsh: key,
      qymc: request.name,
      qylx: request.legalForm,
      zczb: request.capitalInWanYuan,
      fddbrzjhm: request.legalRepresentativeId,
      zs: request.address,
      jyfw: request.businessScope,
    });
    return readAnswer('market', () => {
      const parsed = registered.parse(answer);
      return {
        uscc: parsed.tyshxydm,
        status: 'PENDING',
        on: toIsoDate(parsed.slrq),
        legalRepresentativeId: request.legalRepresentativeId,
      };
    });
  }

  /** ApproveRegistration or RejectRegistration by the officer `officer` (核准人). */
  async decide(
    uscc: string,
    decision: { approve: boolean; reason: string | null; officer: string },
    key: string,
  ): Promise<EnterpriseRegistrationRecord> {
    if (decision.approve) {
      const answer = await this.#write('ApproveRegistration', { qqlsh: key, tyshxydm: uscc, hzr: decision.officer });
      return readAnswer('market', () => {
        const parsed = approved.parse(answer);
        return { uscc: parsed.tyshxydm, status: 'ACTIVE', on: toIsoDate(parsed.clrq), legalRepresentativeId: null };
      });
    }
    const answer = await this.#write('RejectRegistration', {
      qqlsh: key,
      tyshxydm: uscc,
      hzr: decision.officer,
      bhyy: decision.reason ?? '',
    });
    return this.#closed(answer);
  }

  /** WithdrawRegistration while it is still pending. */
  async withdraw(uscc: string, reason: string | null, key: string): Promise<EnterpriseRegistrationRecord> {
    const args = reason === null ? { qqlsh: key, tyshxydm: uscc } : { qqlsh: key, tyshxydm: uscc, chyy: reason };
    return this.#closed(await this.#write('WithdrawRegistration', args));
  }

  #closed(answer: unknown): EnterpriseRegistrationRecord {
    return readAnswer('market', () => {
      const parsed = closed.parse(answer);
      const status = toCompanyStatus(parsed.djzt) as 'REJECTED' | 'WITHDRAWN';
      return { uscc: parsed.tyshxydm, status, on: null, legalRepresentativeId: null };
    });
  }

  #write(operation: string, args: object): Promise<unknown> {
    return callSoapWrite(this.#transport, 'market', operation, args, registryRefusals);
  }
}
