import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCheckpoint {
  at: string;
  jws: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
}

/** A store off the host, as far as the exporter can tell: a real HTTP server on an ephemeral loopback port. */
export interface CheckpointReceiver {
  url: string;
  /** The checkpoints it accepted (answered 201), in order. */
  received: ReceivedCheckpoint[];
  /** Every request that reached it, accepted or not. */
  attempts(): number;
  /** Answers the next `count` requests with `status`, or never answers them ('hang'). */
  failNext(count: number, status: number | 'hang'): void;
  close(): Promise<void>;
}

export async function startCheckpointReceiver(): Promise<CheckpointReceiver> {
  const received: ReceivedCheckpoint[] = [];
  const failures: Array<number | 'hang'> = [];
  const hanging: ServerResponse[] = [];
  let attempts = 0;
  const readBody = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const server = createServer((request, response) => {
    attempts += 1;
    void readBody(request).then((body) => {
      const failure = failures.shift();
      if (failure === 'hang') return void hanging.push(response);
      if (failure !== undefined) return void response.writeHead(failure).end();
      const { at, jws } = JSON.parse(body) as { at: string; jws: string };
      received.push({
        at,
        jws,
        authorization: request.headers.authorization,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      });
      response.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/checkpoints`,
    received,
    attempts: () => attempts,
    failNext(count, status) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
