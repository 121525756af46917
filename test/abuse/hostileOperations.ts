import { createRandom, type Random } from '../../legacy-mocks/data/random.js';

/**
 * Hostile operations for the abuse suite and the hostile-neighbour benchmark: the shapes of
 * issue 11 (fragment graphs, alias and list amplification, deep nesting, wide selections),
 * generated from a seed so a failing case can be replayed by its number.
 */
export interface HostileOperation {
  /** The case's number and kind, for a failure message. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent with the token of this company (its own data is all allowed), or anonymously. */
  asCompany: boolean;
}

/** Keys the generator asks about: a company with 1,000 shareholders and one with 500 (legacy-mocks/data/FIXTURES.md). */
export interface HostileTargets {
  company: string;
  otherCompany: string;
}

/** `query { ...F0 }` with F(i) = `__typename ...F(i+1) ...F(i+2)`: about 1.6^count selections once expanded. */
export function fragmentFamily(count: number, prefix = 'F'): string {
  const fragments = Array.from({ length: count }, (_, i) => {
    const spreads = [i + 1, i + 2].filter((next) => next < count).map((next) => `...${prefix}${next}`);
    return `fragment ${prefix}${i} on Query { __typename ${spreads.join(' ')} }`;
  });
  return `query { ...${prefix}0 } ${fragments.join(' ')}`;
}

const KINDS = [
  'fragment graph',
  'alias amplification',
  'list amplification',
  'deep nesting',
  'wide selection',
] as const;

/** `count` hostile operations from `seed`, every kind in turn. */
export function hostileOperations(seed: number, count: number, targets: HostileTargets): HostileOperation[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const kind = KINDS[index % KINDS.length]!;
    return { name: `#${index} ${kind}`, asCompany: random.chance(0.5), ...GENERATORS[kind](random, targets) };
  });
}

const GENERATORS: Record<
  (typeof KINDS)[number],
  (random: Random, targets: HostileTargets) => Pick<HostileOperation, 'query' | 'variables'>
> = {
  // A random graph of fragments, each spreading one to three later ones: sharing makes the expansion grow fast.
  'fragment graph': (random, { company }) => {
    const count = random.int(2, 60);
    const prefix = random.pick(['F', 'Frag', 'x', `N${random.int(0, 99_999)}_`]);
    const onCompany = random.chance(0.5);
    const fields = onCompany ? ['name', 'status', 'uscc', '__typename', 'registeredCapital'] : ['__typename'];
    const fragments = Array.from({ length: count }, (_, i) => {
      // The next one always, so none is left unused; one or two more further on.
      const spreads = [i + 1, ...Array.from({ length: random.int(0, 2) }, () => i + random.int(2, 4))].filter(
        (next) => next < count,
      );
      const own = Array.from({ length: random.int(1, 3) }, () => random.pick(fields));
      const spread = [...new Set(spreads)].map((next) => `...${prefix}${next}`).join(' ');
      return `fragment ${prefix}${i} on ${onCompany ? 'Company' : 'Query'} { ${own.join(' ')} ${spread} }`;
    });
    const root = onCompany ? `company(uscc: "${company}") { ...${prefix}0 }` : `...${prefix}0`;
    return { query: `query { ${root} } ${fragments.join(' ')}` };
  },
  // One expensive field many times under aliases.
  'alias amplification': (random, { company, otherCompany }) => {
    const count = random.int(2, 40);
    const first = random.pick([undefined, 1, 20, 100, 150]);
    const page = first === undefined ? '' : `(first: ${first})`;
    const inner = random.pick([
      `shareholders${page} { totalCount holdings { holder { name phone } } }`,
      `shareholders${page} { holdings { holderName sharePercent } } tax { creditRating }`,
      'legalRepresentative { name phone incomeTax(year: 2025) { income } }',
      'socialInsurance { insuredHeadcount arrears } tax { arrears filings(year: 2025) { amount } }',
    ]);
    const uscc = random.chance(0.5) ? company : otherCompany;
    return {
      query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: company(uscc: "${uscc}") { ${inner} }`).join(' ')} }`,
    };
  },
  // Lists inside lists, with pages given literally, by variable, or not at all.
  'list amplification': (random, { company }) => {
    const pageOf = () =>
      random.pick(['', '(first: 100)', '(first: 5)', '(first: $n)', '(first: 100000)', '(first: -1)']);
    const inner = `shareholders${pageOf()} { holdings { holder { shareholdings${pageOf()} { sharePercent } } } }`;
    const body = `company(uscc: "${company}") { shareholders${pageOf()} { holdings { holder { legalRepresentativeOf${pageOf()} { name ${inner} } } } } }`;
    if (!body.includes('$n')) return { query: `{ ${body} }` };
    return { query: `query($n: Int) { ${body} }`, variables: { n: random.pick([1, 20, 100, 1_000_000, null]) } };
  },
  // A path deeper than any screen needs, cycling through companies, stakes and people.
  'deep nesting': (random, { company }) => {
    const depth = random.int(5, 24);
    const cycle = ['shareholders', 'holdings', 'holder', 'legalRepresentativeOf'];
    const path = [
      `company(uscc: "${company}")`,
      ...Array.from({ length: depth - 2 }, (_, i) => cycle[i % cycle.length]!),
    ];
    const leaf =
      path.at(-1) === 'shareholders'
        ? 'totalCount'
        : path.at(-1) === 'holdings'
          ? 'holderName'
          : path.at(-1) === 'holder'
            ? 'id'
            : 'name';
    return { query: `{ ${path.map((field) => `${field} {`).join(' ')} ${leaf} ${'}'.repeat(path.length)} }` };
  },
  // Many fields side by side, or the schema read through deep introspection.
  'wide selection': (random, { company }) => {
    if (random.chance(0.3)) {
      const depth = random.int(3, 12);
      return {
        query: `{ __schema { types { ${'fields { type { ofType { '.repeat(depth)} name ${'} } }'.repeat(depth)} } } }`,
      };
    }
    const count = random.int(100, 1_500);
    const field = random.pick(['name', '__typename', 'status']);
    return { query: `{ company(uscc: "${company}") { ${Array.from({ length: count }, () => field).join(' ')} } }` };
  },
};

/** A hostile HTTP request to one of the gateway's routes beside /graphql (issue 20: "every non-GraphQL route"). */
export interface HostileRequest {
  /** The case's number and the route it aims at, for a failure message. */
  name: string;
  method: string;
  /** The raw request target: odd, but always one Node's client will send. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/**
 * `count` hostile requests from `seed` to the gateway's routes (`routes`: "GET /health", ...),
 * each in turn: the route's method or an odd one, its path bent (query strings, encodings, dot
 * segments, a trailing slash, great length), bad or strange headers (tokens, purposes, content
 * types, forwarded addresses, request ids) and bodies (malformed, deep, large, binary, a
 * certificate whose issuer is `__proto__`).
 */
export function hostileRequests(seed: number, count: number, routes: readonly string[]): HostileRequest[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const route = routes[index % routes.length]!;
    const [routeMethod, routePath] = route.split(' ') as [string, string];
    const method = random.chance(0.6)
      ? routeMethod
      : random.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'BREW']);
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(HEADERS)) if (random.chance(0.3)) headers[name] = random.pick(values);
    const body = method === 'GET' || method === 'HEAD' ? undefined : random.pick(BODIES)();
    if (body !== undefined && !('content-type' in headers)) headers['content-type'] = random.pick(CONTENT_TYPES);
    return { name: `#${index} ${route}`, method, path: bendPath(random, routePath), headers, body };
  });
}

function bendPath(random: Random, path: string): string {
  const query = () =>
    `?${random.pick(['ref', 'serial', 'q', 'ref[]', '__proto__[x]', 'constructor'])}=${encodeURIComponent(
      random.pick(REFS),
    )}${random.chance(0.3) ? `&ref=${random.int(0, 1e9)}` : ''}`;
  switch (random.int(0, 8)) {
    case 0:
      return path;
    case 1:
    case 2:
      return `${path}${query()}`;
    case 3:
      return `${path}/`;
    case 4:
      return `/${path}`;
    case 5:
      return path.replace(
        /^\/([^/]*)/,
        (_, first: string) =>
          `/${encodeURIComponent(first).replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
      );
    case 6:
      return `/health/..${path}`;
    case 7:
      return `${path}?${'a=1&'.repeat(random.int(100, 1_500))}`;
    default:
      return `${path}${query()}#${'x'.repeat(random.int(1, 50))}`;
  }
}

/** What a git reference, a serial or a search could be made to carry. */
const REFS = [
  'HEAD',
  'HEAD~100000',
  '--output=/tmp/owned',
  '-c core.pager=sh',
  '../../../../etc/passwd',
  'main; rm -rf /',
  '$(id)',
  '\u0000',
  'refs/heads/' + 'a'.repeat(300),
  '0'.repeat(40),
  'ﬀ'.repeat(50),
  '',
];

const HEADERS: Record<string, readonly string[]> = {
  authorization: [
    'Bearer not-a-token',
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${'a'.repeat(4_000)}`,
    // alg "none", no signature
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwia2luZCI6Im9mZmljZXIiLCJyb2xlcyI6WyJwcml2YWN5LW9mZmljZXIiXX0.',
    'Bearer',
    '',
  ],
  'x-purpose': ['tax-audit', '../etc', 'x'.repeat(200), 'benefit-claim', '__proto__'],
  'x-forwarded-for': ['1.2.3.4', '2001:db8::1, 10.0.0.1', 'not-an-address', `${'9.9.9.9, '.repeat(200)}1.1.1.1`],
  'x-request-id': ['a'.repeat(500), '../../x', 'ok-id'],
  accept: ['*/*', 'text/html', 'application/json;q=0', 'image/png'],
  range: ['bytes=0-0', 'bytes=-1', 'bytes=999999999-'],
  'if-none-match': ['*', '"x"'],
  origin: ['http://evil.example', 'null'],
};

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'text/plain',
  'application/octet-stream',
];

const BODIES: ReadonlyArray<() => string | Buffer> = [
  () => '{"document": ',
  () => '{}',
  () => `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  () => JSON.stringify({ document: { issuer: { department: '__proto__' }, serial: 'x' }, seal: 'AAAA' }),
  () => JSON.stringify({ document: { issuer: { department: 'constructor' } }, seal: { toString: 1 } }),
  () => `certificate=${encodeURIComponent('{"document":{"issuer":{"department":"toString"}},"seal":"x"}')}`,
  () => 'x'.repeat(70_000),
  () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
  () => '{"document":{"a":1,"a":2},"seal":"x"}',
];
