import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import type { AuthenticatedCaller, Caller } from '../../core/caller.js';
import type { PolicyRegistry } from '../engine/index.js';

/**
 * A small department for tests: an entity of each kind, a nested type, an enum, a non-null
 * field and a list, so every check of loadPolicy and every path of the shield has something
 * to bite on without depending on a real department's schema.
 */
export const TEST_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  enum Status {
    ACTIVE
    CLOSED
  }

  type Query {
    company(uscc: ID!): Company
    person(id: ID!): Person
    ranking: [Company!]!
  }

  type Company @key(fields: "uscc") {
    uscc: ID!
    name: String!
    status: Status
    arrears: String
    profile: Profile
  }

  type Profile {
    rating: Int
  }

  type Person @key(fields: "id") {
    id: ID!
    phone: String
    phones: [String]
    legacyNote: String
  }
`;

export function buildTestSchema(sdl = TEST_SDL): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(sdl) }]);
}

export const TEST_REGISTRY: PolicyRegistry = {
  file: 'roles.yaml',
  text: 'roles: {}\n',
  roles: new Map([
    ['tax-officer', 'Tax bureau staff.'],
    ['social-officer', 'Social security staff.'],
  ]),
  purposes: new Map([
    ['tax-audit', 'Auditing a taxpayer.'],
    ['benefit-claim', 'Handling a benefit claim.'],
  ]),
};

/** A policy that classifies every field of TEST_SDL, as a starting point for tests to vary. */
export const VALID_POLICY = `rules:
  taxOfficer: { role: tax-officer, purpose: tax-audit }
types:
  Query:
    company: public
    person: { anyOf: [self, taxOfficer] }
    ranking: public
  Company:
    name: public
    status: public
    arrears: { anyOf: [companySelf, taxOfficer] }
    profile: authenticated
  Profile:
    rating: authenticated
  Person:
    phone: { allow: self, mask: { when: taxOfficer, as: phone } }
    phones: { allow: self, mask: { when: taxOfficer, as: phone } }
    legacyNote: self
`;

/** A temporary folder with files in it, removed by `remove()`. */
export function tempFolder(prefix = 'privacy-'): {
  path: string;
  write(name: string, text: string): string;
  remove(): void;
} {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    write(name, text) {
      const file = join(path, name);
      writeFileSync(file, text);
      return file;
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

export const callers = {
  resident(sub: string): AuthenticatedCaller {
    return { kind: 'person', sub, roles: [], azp: 'portal', purpose: null };
  },
  company(sub: string): AuthenticatedCaller {
    return { kind: 'company', sub, roles: [], azp: 'portal', purpose: null };
  },
  officer(roles: string[], purpose: string | null): AuthenticatedCaller {
    return { kind: 'officer', sub: 'staff-0042', roles, azp: 'officer-console', purpose };
  },
} satisfies Record<string, (...args: never[]) => Caller>;
