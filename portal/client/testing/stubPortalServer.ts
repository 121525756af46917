import { vi } from 'vitest';
import type {
  ApplicationProgressQuery,
  ApplicationProgressQueryVariables,
  ApplyForMutation,
  ApplyForMutationVariables,
  DecideMutation,
  DecideMutationVariables,
  MattersQuery,
  MattersQueryVariables,
  MyApplicationsQuery,
  MyApplicationsQueryVariables,
  MyPrefillQuery,
  MyPrefillQueryVariables,
  PendingDecisionsQuery,
  PendingDecisionsQueryVariables,
  ServiceFormQuery,
  ServiceFormQueryVariables,
  CitizenDashboardQuery,
  CitizenDashboardQueryVariables,
  CompanyProfileQuery,
  CompanyProfileQueryVariables,
  CompanyShareholdersQuery,
  CompanyShareholdersQueryVariables,
  MyAccessLogQuery,
  MyAccessLogQueryVariables,
  SearchCompaniesQuery,
  SearchCompaniesQueryVariables,
} from '../../../examples/generated/client/graphql.js';
import type { GraphError, Session } from '../graphql.js';

/** The portal's operations: what each answers and what it is asked with (the generated types). */
interface Operations {
  CitizenDashboard: [CitizenDashboardQuery, CitizenDashboardQueryVariables];
  CompanyProfile: [CompanyProfileQuery, CompanyProfileQueryVariables];
  CompanyShareholders: [CompanyShareholdersQuery, CompanyShareholdersQueryVariables];
  MyAccessLog: [MyAccessLogQuery, MyAccessLogQueryVariables];
  SearchCompanies: [SearchCompaniesQuery, SearchCompaniesQueryVariables];
  Matters: [MattersQuery, MattersQueryVariables];
  ServiceForm: [ServiceFormQuery, ServiceFormQueryVariables];
  MyPrefill: [MyPrefillQuery, MyPrefillQueryVariables];
  ApplyFor: [ApplyForMutation, ApplyForMutationVariables];
  MyApplications: [MyApplicationsQuery, MyApplicationsQueryVariables];
  ApplicationProgress: [ApplicationProgressQuery, ApplicationProgressQueryVariables];
  PendingDecisions: [PendingDecisionsQuery, PendingDecisionsQueryVariables];
  Decide: [DecideMutation, DecideMutationVariables];
}

/** An answer shaped as the gateway's: data (null where a subtree failed) and errors with paths and codes. */
export interface GraphAnswer<TData> {
  data: TData | null;
  errors?: GraphError[];
}

export type GraphStubs = {
  [Name in keyof Operations]?: (variables: Operations[Name][1]) => GraphAnswer<Operations[Name][0]>;
};

/** A request body the page sent to /graphql. */
export interface SentOperation {
  operationName: keyof Operations;
  variables: Record<string, unknown>;
  extensions: { persistedQuery: { version: number; sha256Hash: string } };
  query?: string;
}

export interface PortalServerStub {
  graph?: GraphStubs;
  /** GET /dev/fixtures: the fixtures offered, or null when development sign-in is off (404). */
  fixtures?: ReadonlyArray<{ id: string; label: string; about: string; kind: string }> | null;
  /** POST /dev/token: the session for a fixture, or null to refuse. */
  token?(fixture: string): Session | null;
}

/**
 * Stands in for the portal's server by replacing `fetch`: /graphql answers from `graph` by
 * operation name, /dev/fixtures and /dev/token from the rest. No socket is opened; every body
 * sent to /graphql is kept in `sent`. An operation without a stub is an error the test sees.
 */
export function stubPortalServer(stub: PortalServerStub): { sent: SentOperation[] } {
  const sent: SentOperation[] = [];
  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (url === '/graphql') {
      const body = JSON.parse(String(init?.body)) as SentOperation;
      sent.push(body);
      const stubbed = stub.graph?.[body.operationName] as ((variables: unknown) => unknown) | undefined;
      if (!stubbed) throw new Error(`no answer stubbed for ${body.operationName}`);
      return answer(200, stubbed(body.variables));
    }
    if (url === '/dev/fixtures')
      return stub.fixtures ? answer(200, stub.fixtures) : answer(404, { error: 'development sign-in is off' });
    if (url === '/dev/token') {
      const { fixture } = JSON.parse(String(init?.body)) as { fixture: string };
      const session = stub.token?.(fixture) ?? null;
      return session ? answer(200, session) : answer(400, { error: 'unknown fixture' });
    }
    throw new Error(`the portal has no ${url}`);
  });
  return { sent };
}
