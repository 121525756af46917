/**
 * Page cursors for readBySubject: the seq of the last record on a page, base64url-encoded so
 * clients treat it as opaque and the encoding can change without breaking the contract.
 */
export const accessLogCursor = {
  encode(seq: number): string {
    return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
  },

  /** The seq a cursor stands for; a RangeError for anything this log did not hand out. */
  decode(cursor: string): number {
    const match = /^seq:([1-9]\d{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    const seq = match ? Number(match[1]) : NaN;
    if (!Number.isSafeInteger(seq)) throw new RangeError('after is not a cursor from this access log');
    return seq;
  },
};
