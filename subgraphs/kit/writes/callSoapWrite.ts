import { departmentRefused, type Department } from '../../../core/errors.js';
import { pathOf, type LegacySoapClient, type SoapFault } from '../legacy/index.js';

/** A department's refusal codes (soap:Fault detail/errorCode) and each one's reason in a citizen's words. */
export type RefusalReasons = Readonly<Record<string, string>>;

/** A refusal the transport handed back as an answer, so the guard neither retries it nor counts it as a failure. */
class Refusal {
  constructor(readonly code: string) {}
}

/**
 * One write to a department's SOAP system. Its idempotency key is in `args`, so the guard may
 * retry it after a transient failure (a connection dropped after the write took effect, say):
 * the same args carry the same key, and the system answers the first answer and changes nothing.
 * A fault whose code is one of `refusals` is the department saying no: DEPARTMENT_REFUSED with the
 * reason in words and the code; anything else fails as every legacy call does (DEPARTMENT_UNAVAILABLE).
 */
export async function callSoapWrite(
  transport: LegacySoapClient,
  department: Department,
  operation: string,
  args: object,
  refusals: RefusalReasons,
): Promise<unknown> {
  const answer = await transport.call(operation, args, {
    answerFault: (fault) => {
      const code = errorCodeOf(fault);
      return code !== null && Object.hasOwn(refusals, code) ? new Refusal(code) : undefined;
    },
  });
  if (answer instanceof Refusal) throw departmentRefused(department, refusals[answer.code]!, answer.code);
  return answer;
}

function errorCodeOf(fault: SoapFault): string | null {
  const code = pathOf(fault.detail, 'errorCode');
  return typeof code === 'string' ? code : null;
}
