/**
 * The tax system answered, but not with what was asked for: an HTTP error status, a result
 * code other than success, or a body without the documented shape. It is the `cause` of a
 * DEPARTMENT_UNAVAILABLE error, for logs only; the legacy text stays in `legacyMessage`.
 */
export class TaxAnswerError extends Error {
  readonly problem: 'status' | 'code' | 'format';
  readonly status: number;
  /** The wrapper's result code, when the body had one. */
  readonly code: string | undefined;
  readonly legacyMessage: string | undefined;

  constructor(
    problem: TaxAnswerError['problem'],
    status: number,
    details: { code?: string; legacyMessage?: string; cause?: unknown } = {},
  ) {
    super(
      `tax system answered HTTP ${status}${details.code === undefined ? '' : ` with result code ${details.code}`} (${problem})`,
      { cause: details.cause },
    );
    this.name = 'TaxAnswerError';
    this.problem = problem;
    this.status = status;
    this.code = details.code;
    this.legacyMessage = details.legacyMessage;
  }
}
