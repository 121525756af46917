import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { AxiosError } from 'axios';

/**
 * An answer's body as text (UTF-8, without a byte-order mark), decompressed if the system
 * compressed it, failing as axios does: a body larger than `maxContentLength` (-1: no limit) is
 * refused unread, and one cut short by the system is 'stream has been aborted' with the
 * answer's status (both ERR_BAD_RESPONSE, which toLegacyUnavailable reads as 'malformed').
 */
export function readLegacyBody(response: IncomingMessage, maxContentLength: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length']);
    if (maxContentLength > -1 && declared > maxContentLength) {
      response.destroy();
      reject(tooLarge(maxContentLength));
      return;
    }
    const stream = decoded(response);
    const chunks: Buffer[] = [];
    let length = 0;
    let failed = false;
    const fail = (error: AxiosError) => {
      if (failed) return;
      failed = true;
      response.destroy();
      reject(error);
    };
    stream.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (maxContentLength > -1 && length > maxContentLength) fail(tooLarge(maxContentLength));
      else chunks.push(chunk);
    });
    response.on('aborted', () =>
      fail(
        Object.assign(new AxiosError('stream has been aborted', AxiosError.ERR_BAD_RESPONSE), {
          response: { status: response.statusCode ?? 0 },
        }),
      ),
    );
    stream.on('error', (error) => fail(AxiosError.from(error, AxiosError.ERR_BAD_RESPONSE)));
    stream.on('end', () => {
      if (failed) return;
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)).toString('utf8');
      resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    });
  });
}

function tooLarge(maxContentLength: number): AxiosError {
  return new AxiosError(`maxContentLength size of ${maxContentLength} exceeded`, AxiosError.ERR_BAD_RESPONSE);
}

/** The body stream, through zlib when the system compressed it (we never ask it to; an old proxy might). */
function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate') return response.pipe(createUnzip());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  return response;
}
