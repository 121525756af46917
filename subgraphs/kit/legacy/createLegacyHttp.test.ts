import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAxiosError, isCancel } from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLegacyHttp } from './createLegacyHttp.js';
import { LeanAnswer } from './LeanAnswer.js';
import { toLegacyUnavailable } from './toLegacyUnavailable.js';

/** A stand-in legacy system whose routes each show one thing the transport must do. */
const routes: Record<string, (req: IncomingMessage, body: string, res: ServerResponse) => void> = {
  '/echo': (req, body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body, port: req.socket.remotePort }),
    );
  },
  '/busy': (_req, _body, res) => res.writeHead(503).end('busy'),
  '/moved': (_req, _body, res) => res.writeHead(302, { location: '/echo' }).end(),
  '/big': (_req, _body, res) => res.writeHead(200).end('x'.repeat(2000)),
  '/cut': (_req, _body, res) => {
    res.writeHead(200, { 'content-length': '1000' });
    res.write('<partial');
    setImmediate(() => res.socket?.destroy());
  },
  '/hang': () => {},
  '/soap': (_req, _body, res) => res.writeHead(200).end('<s:Envelope><s:Body><x>1</x></s:Body></s:Envelope>'),
  '/fault': (_req, _body, res) =>
    res
      .writeHead(200)
      .end('<s:Envelope><s:Body><s:Fault><faultcode>s:Server</faultcode></s:Fault></s:Body></s:Envelope>'),
};

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => routes[new URL(req.url ?? '/', 'http://x').pathname]?.(req, body, res));
});
let base = '';
const http = createLegacyHttp(4, { headers: { 'X-Api-Key': 'key' }, maxContentLength: 1000 });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  http.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The rejection of `promise`, which must reject. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the request succeeded'),
    (error: unknown) => error,
  );
}

describe('createLegacyHttp', () => {
  it('sends the method, the query, a JSON body and the headers, and answers the body as text', async () => {
    const response = await http.request({
      baseURL: base,
      url: '/echo',
      method: 'post',
      params: { nsrsbh: '91330100 X', nd: 2024, skipped: undefined },
      data: { list: ['a'] },
      headers: { 'x-request-id': 'r1' },
    });
    expect(response.status).toBe(200);
    expect(typeof response.data).toBe('string');
    const echoed = JSON.parse(response.data) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string;
    };
    expect(echoed).toMatchObject({ method: 'POST', url: '/echo?nsrsbh=91330100%20X&nd=2024', body: '{"list":["a"]}' });
    expect(echoed.headers).toMatchObject({
      'x-api-key': 'key',
      'x-request-id': 'r1',
      'content-type': 'application/json',
    });
  });

  it('keeps the connection alive from one call to the next', async () => {
    const portOf = async () =>
      (JSON.parse((await http.request({ url: `${base}/echo` })).data) as { port: number }).port;
    expect(await portOf()).toBe(await portOf());
  });

  it('answers every status, and follows no redirect', async () => {
    expect((await http.request({ url: `${base}/busy` })).status).toBe(503);
    const moved = await http.request({ url: `${base}/moved` });
    expect([moved.status, moved.headers.location]).toEqual([302, '/echo']);
  });

  it('fails as axios does, so each failure keeps its reason', async () => {
    const reasonOf = (error: unknown, timedOut = false) =>
      toLegacyUnavailable('tax', error, { timedOut }).extensions.reason;
    const tooBig = await failureOf(http.request({ url: `${base}/big` }));
    expect([isAxiosError(tooBig), reasonOf(tooBig)]).toEqual([true, 'malformed']);
    const cut = await failureOf(http.request({ url: `${base}/cut` }));
    expect([isAxiosError(cut), reasonOf(cut)]).toEqual([true, 'malformed']);
    const refused = await failureOf(http.request({ url: 'http://127.0.0.1:1/echo' }));
    expect([isAxiosError(refused), (refused as { code?: string }).code, reasonOf(refused)]).toEqual([
      true,
      'ECONNREFUSED',
      'unreachable',
    ]);
  });

  it('gives up a request when its signal aborts, and leaves nothing listening on a signal after an answer', async () => {
    const controller = new AbortController();
    const pending = failureOf(http.request({ url: `${base}/hang`, signal: controller.signal }));
    controller.abort();
    expect(isCancel(await pending)).toBe(true);
    expect(isCancel(await failureOf(http.request({ url: `${base}/echo`, signal: controller.signal })))).toBe(true);

    const answered = new AbortController();
    await http.request({ url: `${base}/echo`, signal: answered.signal });
    // Aborting after the answer reaches no listener of ours (the request is over).
    answered.abort();
  });

  it("carries a lean call's successful SOAP answer raw past the generic parser, but never a fault", async () => {
    const lean = await failureOf(http.request({ url: `${base}/soap`, leanAnswer: true }));
    expect(lean).toBeInstanceOf(LeanAnswer);
    expect((lean as LeanAnswer).body).toContain('<x>1</x>');
    expect((await http.request({ url: `${base}/fault`, leanAnswer: true })).data).toContain('s:Fault');
    expect((await http.request({ url: `${base}/busy`, leanAnswer: true })).status).toBe(503);
    expect((await http.request({ url: `${base}/soap` })).data).toContain('<x>1</x>');
  });
});
