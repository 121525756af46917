import { request } from 'node:http';

export interface SentRequest {
  /** The local address the request leaves from: any 127.x.y.z is this machine's loopback. */
  from?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * One HTTP request from a chosen loopback address, so that a test can be several anonymous
 * callers (127.0.0.2, 127.0.0.3, ...) on one machine; any method, any raw path.
 */
export function sendFrom(url: string, path: string, options: SentRequest = {}): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          ...(options.body === undefined ? {} : { 'content-length': Buffer.byteLength(options.body) }),
          ...options.headers,
        },
        ...(options.from ? { localAddress: options.from } : {}),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** The code of a GraphQL-shaped error answer ({"errors":[{"extensions":{"code"}}]}), if it is one. */
export function codeOf(answer: Answer): string | undefined {
  try {
    const body = JSON.parse(answer.text) as { errors?: Array<{ extensions?: { code?: string } }> };
    return body.errors?.[0]?.extensions?.code;
  } catch {
    return undefined;
  }
}
