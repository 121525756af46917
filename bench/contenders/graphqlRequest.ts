import type { CallerClaims } from '../../test/harness.js';
import type { LoadScenario } from '../LoadScenario.js';
import type { LoadRequest } from './Contender.js';

/**
 * The scenario as GraphQL POSTs, one per subject, as a portal sends them: the portal's document
 * or the open one (for subgraphs without protections), with each subject's caller token when
 * `tokenFor` is given (our gateway) and without any otherwise (stock gateways).
 */
export async function graphqlRequest(
  url: string,
  scenario: LoadScenario,
  options: { document: 'portal' | 'open'; tokenFor: ((claims: CallerClaims) => Promise<string>) | null },
): Promise<LoadRequest> {
  const variants = await Promise.all(
    scenario.subjects.map(async (subject) => {
      const token = options.tokenFor && subject.caller ? await options.tokenFor(subject.caller) : null;
      const body =
        options.document === 'portal'
          ? { query: scenario.document, variables: subject.variables }
          : { query: scenario.openDocument, variables: subject.openVariables };
      return {
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      };
    }),
  );
  return { url, method: 'POST', variants };
}
