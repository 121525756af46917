import { canonicalId, residentIdProblem, usccProblem } from '../../core/ids.js';
import { chinaDate, idempotencyKeyProblem, type CallStats, type WriteStore } from '../common/index.js';
import type { DataSet } from '../data/index.js';
import type { RegistryIndex } from './buildRegistryIndex.js';
import { newUscc } from './newUscc.js';
import { parseWanYuan } from './parseWanYuan.js';
import { DJZT_OF, type RegisterInput, type RegistrationBook } from './RegistrationBook.js';
import { registryFault } from './registryFault.js';
import type { RegistryErrorCode } from './registryErrors.js';
import { REGISTRY_LEGAL_FORMS } from './registryLegalForms.js';
import type { RegistryWriteOperation } from './registryOperations.js';

export interface RegistryWriteContext {
  dataSet: DataSet;
  index: RegistryIndex;
  book: RegistrationBook;
  writes: WriteStore;
  stats: CallStats;
  /** The registry's clock: dates of acceptance and approval. */
  now(): Date;
}

type Method = (args: unknown) => object;

/** Field lengths the application form allows (characters). */
const LIMITS = { qymc: 100, zs: 200, jyfw: 1000, hzr: 64, bhyy: 200, chyy: 200 } as const;

/**
 * The registry's four write operations (设立登记). Each is counted, reads its 请求流水号 (qqlsh, the
 * idempotency key: E1008 when missing or malformed), then goes through the write store: a retry
 * gets its first answer, the same qqlsh for another request is E1009, and a new request is checked
 * against the register as it stands (its own fault codes) before it is journaled and answered.
 */
export function createRegistryWrites(context: RegistryWriteContext): Record<RegistryWriteOperation, Method> {
  const { book, dataSet, index } = context;
  const namesInRegister = new Set(dataSet.companies.map((company) => company.name));
  return {
    RegisterEnterprise: writeOperation(context, 'RegisterEnterprise', readRegistration, (input) => {
      if (namesInRegister.has(input.qymc) || book.holdsName(input.qymc)) throw registryFault('E2002');
      // 身份核验: the registry is linked to the population registry, which knows every resident.
      if (!dataSet.residentById.has(input.fddbrzjhm)) throw registryFault('E2005');
      const tyshxydm = newUscc((uscc) => index.qyxxByTyshxydm.has(uscc) || book.get(uscc) !== undefined);
      return { tyshxydm, djzt: DJZT_OF.PENDING, slrq: chinaDate(context.now()) };
    }),
    ApproveRegistration: writeOperation(context, 'ApproveRegistration', readDecision, (input) => {
      pendingRegistration(book, input.tyshxydm);
      return { tyshxydm: input.tyshxydm, djzt: DJZT_OF.ACTIVE, clrq: chinaDate(context.now()) };
    }),
    RejectRegistration: writeOperation(
      context,
      'RejectRegistration',
      (args) => ({ ...readDecision(args), bhyy: readText(args, 'bhyy', LIMITS.bhyy) }),
      (input) => {
        pendingRegistration(book, input.tyshxydm);
        return { tyshxydm: input.tyshxydm, djzt: DJZT_OF.REJECTED };
      },
    ),
    WithdrawRegistration: writeOperation(context, 'WithdrawRegistration', readWithdrawal, (input) => {
      pendingRegistration(book, input.tyshxydm);
      return { tyshxydm: input.tyshxydm, djzt: DJZT_OF.WITHDRAWN };
    }),
  };
}

/** One write operation: count, key, read, then once-only through the write store. */
function writeOperation<I>(
  context: RegistryWriteContext,
  operation: RegistryWriteOperation,
  read: (args: unknown) => I,
  decide: (input: I) => object,
): Method {
  return (args) => {
    context.stats.record(operation, 1);
    const key = fieldOf(args, 'qqlsh');
    const keyProblem = idempotencyKeyProblem(typeof key === 'string' ? key.trim() : key);
    if (keyProblem) throw registryFault('E1008', keyProblem);
    const input = read(args);
    const outcome = context.writes.write(operation, (key as string).trim(), input, () => decide(input));
    if (outcome.kind === 'keyReused') throw registryFault('E1009', `it was used for a ${outcome.operation} request`);
    return outcome.answer as object;
  };
}

function readRegistration(args: unknown): RegisterInput {
  const qymc = readText(args, 'qymc', LIMITS.qymc);
  const qylx = readText(args, 'qylx', 100);
  const zczbText = readText(args, 'zczb', 30);
  const fddbrzjhm = readText(args, 'fddbrzjhm', 18, 'E1002');
  const idProblem = residentIdProblem(fddbrzjhm);
  if (idProblem) throw registryFault('E1002', `fddbrzjhm: ${idProblem}`);
  const input: RegisterInput = {
    qymc,
    qylx,
    zczb: parseWanYuan(zczbText) ?? zczbText,
    fddbrzjhm: canonicalId(fddbrzjhm),
    zs: readText(args, 'zs', LIMITS.zs),
    jyfw: readText(args, 'jyfw', LIMITS.jyfw),
  };
  // Checked after the whole form is read, so the fault names the first thing wrong in form order.
  if (!REGISTRY_LEGAL_FORMS.includes(qylx)) throw registryFault('E2003', "qylx must be one of the registry's 企业类型");
  if (parseWanYuan(zczbText) === null)
    throw registryFault('E2004', 'zczb must be a positive amount in 万元 with at most six decimals, up to 100000000');
  return input;
}

function readDecision(args: unknown): { tyshxydm: string; hzr: string } {
  return { tyshxydm: readUscc(args), hzr: readText(args, 'hzr', LIMITS.hzr) };
}

function readWithdrawal(args: unknown): { tyshxydm: string; chyy: string } {
  const tyshxydm = readUscc(args);
  const chyy = fieldOf(args, 'chyy');
  return { tyshxydm, chyy: chyy === undefined || chyy === null ? '' : readText(args, 'chyy', LIMITS.chyy) };
}

function readUscc(args: unknown): string {
  const value = readText(args, 'tyshxydm', 18, 'E1001');
  const problem = usccProblem(value);
  if (problem) throw registryFault('E1001', `tyshxydm: ${problem}`);
  return canonicalId(value);
}

/** A required text field, trimmed: empty, not text or too long is `code` (E2001 by default). */
function readText(args: unknown, field: string, maximum: number, code: RegistryErrorCode = 'E2001'): string {
  const value = fieldOf(args, field);
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw registryFault(code, `${field} is required`);
  if ([...text].length > maximum) throw registryFault(code, `${field} is longer than ${maximum} characters`);
  return text;
}

/** The registration an officer or the applicant acts on: it exists (E2006) and is still pending (E2007). */
function pendingRegistration(book: RegistrationBook, uscc: string): void {
  const registration = book.get(uscc);
  if (!registration) throw registryFault('E2006', 'tyshxydm names no registration made through this service');
  if (registration.status !== 'PENDING') throw registryFault('E2007', `the registration is ${registration.status}`);
}

function fieldOf(args: unknown, field: string): unknown {
  return typeof args === 'object' && args !== null ? (args as Record<string, unknown>)[field] : undefined;
}
