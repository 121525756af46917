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
