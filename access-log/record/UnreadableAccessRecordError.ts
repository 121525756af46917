/**
 * A stored row that does not decode into a record (broken JSON, a wrong type, an unknown key):
 * it was written behind the store's back. verifyAccessLog reports it at its chain and seq.
 */
export class UnreadableAccessRecordError extends Error {
  override readonly name = 'UnreadableAccessRecordError';

  constructor(
    readonly chain: string,
    readonly seq: number,
    problem: string,
  ) {
    super(`access log record ${chain}#${seq} is unreadable: ${problem}`);
  }
}
