import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../subgraphs/kit/index.js';
import { startStack, type Stack } from './harness.js';

/**
 * A bounded fuzz of the gateway: a fixed seed, about 100 cases of each kind, a few seconds.
 * Every answer must be clean (below 500, JSON with codes from the table, no stack trace, no
 * service address), and the gateway must still answer a good request after every round.
 */
const SEED = 20_261_127;
const CASES_PER_KIND = 100;
const ROUND = 25;

let stack: Stack;
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startStack({ logs: { write: (line: string) => void logLines.push(line) } });
});
afterAll(async () => {
  await stack?.close();
});

/** mulberry32: small, fast and the same on every machine, so a failing case can be replayed by its number. */
class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  string(length: number, alphabet: string): string {
    const chars = [...alphabet];
    return Array.from({ length }, () => this.pick(chars)).join('');
  }
}

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const UNICODE = '91330105KCNBGT44PG９１３３０身份证号码统一社会信用代码\u0301\u200b\u202e\ud83d\ude00\ufeffßİı\u00a0';
const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE access_log; --',
  '" OR 1=1 --',
  "') UNION SELECT name, id FROM residents --",
  '<![CDATA[x]]>',
  ']]><evil/>',
  "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
  '</uscc><uscc>91330105KCNBGT44PG',
  '</soap:Body></soap:Envelope>',
  '&amp;&lt;&#0;',
  '${jndi:ldap://x/a}',
  '../../../../etc/passwd',
  '{"$ne": null}',
];

/** A key (resident ID or USCC) that is wrong in one of the ways people and attackers get it wrong. */
function malformedKey(random: Random, valid: readonly string[]): string {
  const base = random.pick(valid);
  switch (random.int(8)) {
    case 0:
      return random.string(random.int(30), ASCII);
    case 1: {
      // One character changed: usually a wrong check digit.
      const at = random.chance(0.5) ? 17 : random.int(18);
      return base.slice(0, at) + random.pick([...'0123456789ABXY']) + base.slice(at + 1);
    }
    case 2:
      return random.string(1 + random.int(24), UNICODE);
    case 3:
      return base.repeat(500 + random.int(3_000));
    case 4:
      return random.pick(INJECTIONS);
    case 5:
      return random.pick([
        `${base}\u0000`,
        '\u0000'.repeat(18),
        `${base.slice(0, 9)}\r\n${base.slice(9)}`,
        `\u0000${random.pick(INJECTIONS)}`,
      ]);
    case 6:
      return random.pick([base.toLowerCase(), ` ${base} `, base.slice(0, 17), `${base}0`, base.replace(/\d/, '-')]);
    default:
      return '';
  }
}

const PORTAL_OPERATION =
  'query CompanyProfile($uscc: ID!, $year: Int!) { company(uscc: $uscc) { uscc name status shareholders { holdings { holderName holder { id } } } tax { creditRating filings(year: $year) { period amount } } socialInsurance { insuredHeadcount } } }';
const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '@',
  '!',
  '=',
  '|',
  '&',
  '...',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'company',
  'person',
  'me',
  'searchCompanies',
  'uscc',
  'name',
  'id',
  'tax',
  '__schema',
  '__typename',
  'first',
  'true',
  'null',
  '"x"',
  '"""block"""',
  '"unterminated',
  '1',
  '-1',
  '1e999',
  '0x1F',
  '99999999999999999999',
  '#comment\n',
  ',',
  '\u0000',
  '\ufeff',
  '科技',
];

/** A query string that is broken, or odd but whole. */
function randomQuery(random: Random): string {
  switch (random.int(5)) {
    case 0:
      return PORTAL_OPERATION.slice(0, random.int(PORTAL_OPERATION.length));
    case 1:
      return Array.from({ length: 1 + random.int(60) }, () => random.pick(TOKENS)).join(
        random.pick([' ', '', '\n', '\t']),
      );
    case 2: {
      // A few characters of the portal's operation changed, added or dropped.
      let query = PORTAL_OPERATION;
      for (let edits = 1 + random.int(4); edits > 0; edits--) {
        const at = random.int(query.length);
        query =
          query.slice(0, at) +
          random.pick(['', random.string(1, '{}()$:!@."\\#'), random.string(1, UNICODE)]) +
          query.slice(at + (random.chance(0.5) ? 1 : 0));
      }
      return query;
    }
    case 3:
      return random.string(random.int(200), ASCII + UNICODE);
    default:
      return random.pick([
        '{ __typename }',
        `{ ${'company(uscc: "x") { name } '.repeat(2)} }`,
        'query A { __typename } query B { __typename }',
        '{ me { ...F } } fragment F on Person { ...F }',
        'subscription { __typename }',
        'mutation { __typename }',
        `{ searchCompanies(name: "科技", first: ${random.pick(['-5', '0', '2147483648', '1.5', '"20"', 'null', '$undeclared'])}) { uscc } }`,
      ]);
  }
}

const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const PATHS = [
  '/graphql',
  '/graphql',
  '/graphql',
  '/graphql?query=%7B__typename%7D',
  '/graphql?query=%7B&variables=%5B',
  '/graphql?extensions=%7B%7D',
  '/graphql/',
  '//graphql',
  '/',
  '/schema.graphql',
  '/health',
  '/nope',
  '/%2e%2e/etc/passwd',
  '/graphql%00',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'x/y;;=',
  'application/json; charset=latin1',
  undefined,
];

/** A request body that is not what a GraphQL server expects, in as many ways as fit in a list. */
function randomBody(random: Random): string | Buffer {
  const good = '{ searchCompanies(name: "科技", first: 2) { uscc } }';
  return random.pick<() => string | Buffer>([
    () => '{"query": ',
    () => '{"query": "{ __typename }"',
    () => `{"query": ${random.pick(['1e999999', '-0', '123', 'true', 'null', '{}', '[]', '["{ __typename }"]'])}}`,
    () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    () => `{"query": ${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
    () =>
      JSON.stringify({
        query: good,
        variables: random.pick(['x', [1], 5, null, { first: 1e308 }, { name: '\u0000' }]),
      }),
    () => JSON.stringify({ query: good, operationName: random.pick([5, [], 'Missing', '']) }),
    () =>
      JSON.stringify({
        query: good,
        extensions: random.pick([
          'x',
          { persistedQuery: { version: 1, sha256Hash: 5 } },
          { persistedQuery: { version: 2 } },
          { persistedQuery: { version: 1, sha256Hash: 'ab' } },
        ]),
      }),
    () => `\u0000${JSON.stringify({ query: good })}`,
    () => JSON.stringify({ query: `${good}\u0000` }),
    () => `\ufeff${JSON.stringify({ query: good })}`,
    () => random.pick(['', 'null', 'true', '"string"', '123', '[]', '{}']),
    () => Buffer.from(Array.from({ length: random.int(300) }, () => random.int(256))),
    () => JSON.stringify({ query: randomQuery(random) }),
  ])();
}

interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** The request last sent, for the message of a failing case. */
let lastRequest = '';

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(stack.gatewayUrl);
  lastRequest = `${method} ${path} ${JSON.stringify(headers)} ${JSON.stringify(body?.toString().slice(0, 300) ?? null)}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method,
        path,
        headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  send('POST', '/graphql', { 'content-type': 'application/json', ...headers }, JSON.stringify(body));

/** A stack trace line, Apollo's stacktrace extension, a service's loopback address, or a legacy system's words. */
const LEAK = /stacktrace|\bat .*\.(?:js|ts|mjs|cjs):\d+|127\.0\.0\.1|localhost|soap:|Envelope|ECONNREFUSED/i;

function expectClean(answer: RawAnswer, label: string): void {
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.text, label).not.toMatch(LEAK);
  if (!answer.contentType.includes('json') || answer.text === '') return;
  const body = JSON.parse(answer.text) as {
    data?: unknown;
    errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
  };
  if (answer.status >= 400) expect(body.errors?.length, label).toBeGreaterThan(0);
  for (const error of body.errors ?? []) {
    expect(typeof error.message, label).toBe('string');
    expect(Object.keys(ERROR_CODES), `${label}: ${JSON.stringify(error)}`).toContain(error.extensions?.code);
    // A bad request is the caller's fault; nothing here should look like the gateway's own.
    expect(error.extensions?.code, label).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

async function expectStillServing(label: string): Promise<void> {
  const answer = await postJson({ query: '{ searchCompanies(name: "科技", first: 2) { uscc name } }' });
  expect(answer.status, `good request after ${label}`).toBe(200);
  const body = JSON.parse(answer.text) as { data?: { searchCompanies?: unknown[] }; errors?: unknown };
  expect(body.errors, `good request after ${label}`).toBeUndefined();
  expect(body.data?.searchCompanies?.length).toBe(2);
}

async function fuzz(
  kind: string,
  seed: number,
  makeCase: (random: Random, index: number) => Promise<RawAnswer>,
): Promise<void> {
  const random = new Random(seed);
  for (let index = 0; index < CASES_PER_KIND; index++) {
    const answer = await makeCase(random, index);
    const label = `${kind} case ${index} (seed ${seed}): ${lastRequest}`;
    expectClean(answer, label);
    if ((index + 1) % ROUND === 0) await expectStillServing(label);
  }
}

describe('the gateway under a bounded fuzz', () => {
  it('answers malformed resident IDs and USCCs cleanly, as variables and as literals', async () => {
    const companies = stack.dataSet.companies.slice(0, 20).map((company) => company.uscc);
    const residents = stack.dataSet.residents.slice(0, 20).map((resident) => resident.id);
    const officer = {
      kind: 'officer' as const,
      sub: 'staff-fuzz',
      roles: ['social-officer', 'tax-officer', 'market-officer'],
    };
    const token = await stack.tokenFor(officer);
    await fuzz('key', SEED, async (random) => {
      const person = random.chance(0.5);
      const key = malformedKey(random, person ? residents : companies);
      const field = person
        ? 'person(id: $key) { id name socialSecurity { status } }'
        : 'company(uscc: $key) { uscc name tax { creditRating } socialInsurance { insuredHeadcount } }';
      const headers: Record<string, string> = random.chance(0.5)
        ? {
            authorization: `Bearer ${token}`,
            'x-purpose': random.pick([
              'benefit-claim',
              'tax-audit',
              '',
              'x'.repeat(500),
              "' OR 1=1 --",
              'tax-audit, tax-audit',
            ]),
          }
        : {};
      const wrongType = random.chance(0.15);
      if (random.chance(0.5) || wrongType) {
        const value = wrongType ? random.pick<unknown>([123, null, {}, [key], true, 1e308]) : key;
        return postJson({ query: `query($key: ID!) { ${field} }`, variables: { key: value } }, headers);
      }
      return postJson({ query: `{ ${field.replace('$key', JSON.stringify(key))} }` }, headers);
    });
  });

  it('answers broken and odd query strings cleanly', async () => {
    await fuzz('query', SEED + 1, (random) =>
      postJson({
        query: randomQuery(random),
        ...(random.chance(0.3) ? { variables: { uscc: stack.dataSet.fixtures.companyInArrears, year: 2025 } } : {}),
      }),
    );
  });

  it('answers odd HTTP requests cleanly: methods, paths, content types and bodies', async () => {
    await fuzz('http', SEED + 2, (random) => {
      const method = random.pick(METHODS);
      const contentType = random.pick(CONTENT_TYPES);
      const headers: Record<string, string> = {
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(random.chance(0.5) ? { 'apollo-require-preflight': 'true' } : {}),
        ...(random.chance(0.2)
          ? { accept: random.pick(['text/html', 'application/graphql-response+json', 'multipart/mixed', '*/*;q=x']) }
          : {}),
        ...(random.chance(0.1) ? { 'x-request-id': random.pick(['x'.repeat(200), '../../etc', 'ok-id-1']) } : {}),
      };
      const withBody = method !== 'GET' && method !== 'HEAD' && random.chance(0.9);
      return send(method, random.pick(PATHS), headers, withBody ? randomBody(random) : undefined);
    });
  });

  it('writes no stack trace to its logs while fuzzed', () => {
    const traces = logLines.filter((line) => /\bat .*\.(?:js|ts|mjs|cjs):\d+/.test(line));
    expect(traces.slice(0, 3)).toEqual([]);
  });

  // A request line whose target is not a URL (`GET http://[ HTTP/1.1`) once threw inside
  // serveGraphQL's request listener, an uncaught exception that ended the whole process.
  it('survives a request line whose target is not a URL, answering 400', async () => {
    const { hostname, port } = new URL(stack.gatewayUrl);
    for (const target of ['http://[', 'http://a%20b/graphql', 'http://:99999/graphql']) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () =>
          socket.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
        );
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
        socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to ${target}`)));
      });
      expect(answer, target).toMatch(/^HTTP\/1\.1 400 /);
    }
    await expectStillServing('bad request targets');
  });
});
