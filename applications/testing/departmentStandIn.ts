import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One write the stand-in made: what the write logs of the real stand-ins (G's /__admin/writes) show. */
export interface StandInWrite {
  department: string;
  action: string;
  idempotencyKey: string;
  input: Record<string, unknown>;
}

type Answer = { status: number; body: Record<string, unknown> };

/**
 * A small real HTTP server standing in for the departments' write operations while their own
 * (issue 22, parts 1 and 2) are not all committed: idempotent by key (the same key twice answers
 * the first answer and writes nothing), a write log, and switches a test flips: a department
 * down, an action refused, a request held before or after its write (so a test can SIGKILL the
 * engine at exactly that point). Registrations keep a status, so a withdrawal works only while
 * pending, as the market registry's does.
 */
export class DepartmentStandIn {
  readonly writes: StandInWrite[] = [];
  /** Every request by idempotency key, answered or not: how often each step was asked. */
  readonly requests = new Map<string, number>();
  readonly down = new Map<string, string>();
  readonly refusals = new Map<string, string>();
  readonly #holds = new Map<string, 'before' | 'after'>();
  readonly #held: Array<{ action: string; phase: 'before' | 'after'; release: () => void }> = [];
  readonly #answers = new Map<string, Answer>();
  readonly #registrations = new Map<string, string>();
  #server: Server | null = null;
  #serial = 0;

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      void this.#handle(request).then((answer) => {
        if (!response.destroyed)
          response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.releaseAll();
    this.#server?.closeAllConnections();
    await new Promise((resolve) => this.#server?.close(resolve));
  }

  /** The next request for `action` waits before (nothing written) or after its write, until released. */
  hold(action: string, phase: 'before' | 'after'): void {
    this.#holds.set(action, phase);
  }

  /** The requests waiting at a hold now. */
  held(): Array<{ action: string; phase: 'before' | 'after' }> {
    return this.#held.map(({ action, phase }) => ({ action, phase }));
  }

  releaseAll(): void {
    for (const entry of this.#held.splice(0)) entry.release();
  }

  writesOf(action: string): StandInWrite[] {
    return this.writes.filter((write) => write.action === action);
  }

  async #handle(request: IncomingMessage): Promise<Answer> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as StandInWrite;
    this.requests.set(call.idempotencyKey, (this.requests.get(call.idempotencyKey) ?? 0) + 1);
    const downReason = this.down.get(call.department);
    if (downReason) return { status: 503, body: { reason: downReason } };
    const phase = this.#holds.get(call.action);
    if (phase) this.#holds.delete(call.action);
    // Only a held request listens for its connection closing (a SIGKILLed engine's): keep-alive sockets carry many.
    const closed = phase ? new Promise<void>((resolve) => request.socket.once('close', resolve)) : Promise.resolve();
    if (phase === 'before') await this.#wait(call.action, phase, closed);
    if (request.socket.destroyed) return { status: 499, body: {} };
    const answer = this.#answers.get(call.idempotencyKey) ?? this.#write(call);
    if (phase === 'after') await this.#wait(call.action, phase, closed);
    return answer;
  }

  #wait(action: string, phase: 'before' | 'after', closed: Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#held.push({ action, phase, release: resolve });
      void closed.then(resolve);
    });
  }

  #write(call: StandInWrite): Answer {
    const refusal = this.refusals.get(call.action);
    const answer = refusal ? { status: 422, body: { reason: refusal } } : this.#act(call);
    // Refusals are answers too: the same key asked again gets the same one.
    this.#answers.set(call.idempotencyKey, answer);
    if (answer.status === 200) this.writes.push(call);
    return answer;
  }

  #act(call: StandInWrite): Answer {
    const uscc = String(call.input.uscc ?? '');
    const done = (output: Record<string, unknown> = {}) => ({ status: 200, body: { output } });
    switch (call.action) {
      case 'registerEnterprise': {
        const made = `91330100TEST${String(++this.#serial).padStart(6, '0')}`;
        this.#registrations.set(made, 'PENDING');
        return done({ uscc: made });
      }
      case 'withdrawRegistration':
      case 'decideRegistration': {
        if (this.#registrations.get(uscc) !== 'PENDING')
          return { status: 422, body: { reason: 'The registration is no longer pending.' } };
        const next = call.action === 'withdrawRegistration' ? 'WITHDRAWN' : call.input.approve ? 'ACTIVE' : 'REJECTED';
        this.#registrations.set(uscc, next);
        return done({ uscc, status: next });
      }
      case 'openEmployerAccount':
        return done({ accountNumber: `E${String(++this.#serial).padStart(9, '0')}` });
      case 'submitBenefitClaim':
        return done({ claimNumber: `C${String(++this.#serial).padStart(9, '0')}` });
      default:
        return done();
    }
  }

  /** The registry status of a registration the stand-in made. */
  registrationStatus(uscc: string): string | undefined {
    return this.#registrations.get(uscc);
  }
}
