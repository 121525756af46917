import { SignJWT } from 'jose';
import {
  DEFAULT_AUDIENCE,
  DEV_ISSUER,
  DEV_ISSUER_KEY_NAME,
  ensureDevKeyPair,
  readPrivateKey,
  SIGNING_ALGORITHM,
} from '../core/index.js';
import type { DataSet } from '../legacy-mocks/data/index.js';

/** The `azp` of the reference portal's tokens: register it in the gateway's PORTAL_APPLICATIONS. */
export const PORTAL_APPLICATION = 'city-portal';

/** Who a token is for: a subset of an identity provider's claims. */
export interface PortalClaims {
  kind: 'person' | 'company' | 'officer';
  sub: string;
  roles?: string[];
  azp: string;
}

/** Signs a token for the claims: the development issuer under `npm run portal`, the test issuer in tests. */
export type TokenSigner = (claims: PortalClaims) => Promise<string>;

/** A named fixture of the data set a developer may sign in as (legacy-mocks/data/FIXTURES.md). */
export interface PortalFixture {
  id: string;
  label: string;
  /** What the developer will see, in one line. */
  about: string;
  kind: PortalClaims['kind'];
  sub: string;
  roles?: string[];
  /** For officers: the purpose the portal states in X-Purpose. */
  purpose?: string;
  /** Where the portal opens after sign-in. */
  home: string;
}

/** The fixtures the development sign-in offers, with names read from the data set. */
export function portalFixtures(dataSet: DataSet): PortalFixture[] {
  const { fixtures } = dataSet;
  const resident = (id: string) => dataSet.residentById.get(id)?.name ?? id;
  const company = (uscc: string) => dataSet.companyByUscc.get(uscc)?.name ?? uscc;
  return [
    {
      id: 'citizen',
      label: `${resident(fixtures.multiRepresentative)} — citizen`,
      about: 'Insured, files income tax, legal representative of three companies.',
      kind: 'person',
      sub: fixtures.multiRepresentative,
      home: '#/me',
    },
    {
      id: 'citizen-uninsured',
      label: `${resident(fixtures.personWithoutSocialInsurance)} — citizen`,
      about: 'Known to the population registry, never insured.',
      kind: 'person',
      sub: fixtures.personWithoutSocialInsurance,
      home: '#/me',
    },
    {
      id: 'company',
      label: `${company(fixtures.companyInArrears)} — company`,
      about: 'Owes tax (credit rating C); an employer.',
      kind: 'company',
      sub: fixtures.companyInArrears,
      home: `#/company/${fixtures.companyInArrears}`,
    },
    {
      id: 'company-shareholders',
      label: `${company(fixtures.companyWithManyShareholders)} — company`,
      about: '500 shareholders, shown a page at a time.',
      kind: 'company',
      sub: fixtures.companyWithManyShareholders,
      home: `#/company/${fixtures.companyWithManyShareholders}`,
    },
    {
      id: 'tax-officer',
      label: 'Tax officer staff-17 — auditing',
      about: 'Role tax-officer, purpose tax-audit: sees companies’ tax records, recorded in their access logs.',
      kind: 'officer',
      sub: 'staff-17',
      roles: ['tax-officer'],
      purpose: 'tax-audit',
      home: `#/company/${fixtures.companyInArrears}`,
    },
    {
      id: 'market-officer',
      label: 'Market officer staff-21 — deciding registrations',
      about: 'Role market-officer, purpose market-supervision: approves or refuses company registrations.',
      kind: 'officer',
      sub: 'staff-21',
      roles: ['market-officer'],
      purpose: 'market-supervision',
      home: '#/decisions/market',
    },
    {
      id: 'social-officer',
      label: 'Social security officer staff-33 — deciding benefit claims',
      about: 'Role social-officer, purpose benefit-claim: grants or refuses benefit claims.',
      kind: 'officer',
      sub: 'staff-33',
      roles: ['social-officer'],
      purpose: 'benefit-claim',
      home: '#/decisions/social',
    },
  ];
}

/**
 * The development issuer's signer (gateway/auth.ts trusts its key when no AUTH_JWKS_* is set), as
 * `npm run token` signs: one hour, the portal's azp. Only for development sign-in. `env`: the
 * variables portal/main.ts read at start.
 */
export async function developmentSigner(env: Readonly<Record<string, string | undefined>>): Promise<TokenSigner> {
  const { privateFile } = await ensureDevKeyPair(DEV_ISSUER_KEY_NAME);
  const { key, kid } = await readPrivateKey(privateFile);
  return async (claims) =>
    new SignJWT({ kind: claims.kind, roles: claims.roles ?? [], azp: claims.azp })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, ...(kid ? { kid } : {}) })
      .setSubject(claims.sub)
      .setIssuer(env.AUTH_ISSUER ?? DEV_ISSUER)
      .setAudience(env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
}

/** The development issuer is in use when the gateway is given no identity provider's keys and is not in production. */
export function developmentIssuerInUse(env: Readonly<Record<string, string | undefined>>): boolean {
  return !env.AUTH_JWKS_URL && !env.AUTH_JWKS_FILE && env.NODE_ENV !== 'production';
}
