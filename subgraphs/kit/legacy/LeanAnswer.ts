/**
 * The raw body of a successful SOAP answer that its caller reads with a lean parser of its own
 * (a department's reader for a large answer of fixed shape, issue 23), carried past the `soap`
 * package's generic parser. The transport rejects with it, as the only way out of the package's
 * call that skips `xmlToObject`; LegacySoapClient catches it and hands the body to the reader.
 * Not an Error: it is no failure and needs no stack.
 */
export class LeanAnswer {
  constructor(readonly body: string) {}

  /**
   * Whether the answer may skip the generic parser: a 2xx without a soap:Fault. Anything else
   * goes through it as before, so a fault is recognised exactly as for every other call.
   */
  static fits(answer: { status: number; data: string }): boolean {
    return answer.status >= 200 && answer.status < 300 && !FAULT_ELEMENT.test(answer.data);
  }
}

/** A Fault element in any prefix; in text, a '<' is always escaped, so this is markup. */
const FAULT_ELEMENT = /<([\w.-]+:)?Fault[\s/>]/;

/** The option a lean call passes through the `soap` package to the transport (the package hands its options on). */
export const LEAN_ANSWER_OPTION = 'leanAnswer';

/** Whether the request asks for its answer's body raw (LEAN_ANSWER_OPTION). */
export function isLeanAnswerRequest(config: object): boolean {
  return (config as Record<string, unknown>)[LEAN_ANSWER_OPTION] === true;
}
