import { readFileSync } from 'node:fs';
import type { DataSet } from '../../legacy-mocks/data/index.js';
import { SUBJECTS_PER_SCENARIO, type LegacyClients, type LoadScenario } from '../LoadScenario.js';

const DOCUMENT = readFileSync(new URL('../../examples/operations/CitizenDashboard.graphql', import.meta.url), 'utf8');
// Subgraphs without protections know no caller: `me` becomes `person(id:)`, the rest is untouched.
const OPEN_DOCUMENT = DOCUMENT.replace(
  'query CitizenDashboard($year: Int!) {\n  me {',
  'query CitizenDashboard($id: ID!, $year: Int!) {\n  person(id: $id) {',
);
if (OPEN_DOCUMENT === DOCUMENT)
  throw new Error(
    'examples/operations/CitizenDashboard.graphql changed shape: update bench/scenarios/citizenDashboard.ts',
  );

const taxSummary = (profile: { taxpayerType: string; creditRating: string } | undefined) =>
  profile ? { taxpayerType: profile.taxpayerType, creditRating: profile.creditRating } : null;

/**
 * The signed-in citizen's dashboard across the three departments: `multiRepresentative` first,
 * then insured citizens of the data set, each with their own token.
 */
export function citizenDashboard(dataSet: DataSet): LoadScenario {
  const others = dataSet.residents.filter(
    (resident) => resident.insurance?.status === 'ACTIVE' && resident.id !== dataSet.fixtures.multiRepresentative,
  );
  const citizens = [
    dataSet.fixtures.multiRepresentative,
    ...others.slice(0, SUBJECTS_PER_SCENARIO - 1).map((resident) => resident.id),
  ];
  return {
    name: 'citizen dashboard',
    key: 'citizen-dashboard',
    document: DOCUMENT,
    openDocument: OPEN_DOCUMENT,
    subjects: citizens.map((id) => ({
      variables: { year: 2025 },
      openVariables: { id, year: 2025 },
      caller: { kind: 'person', sub: id },
    })),
    answerDirectly: (legacy, variables) => answerDashboard(legacy, String(variables.id), Number(variables.year)),
  };
}

// What a hand-written client does: everything keyed by the person at once, then what hangs off the answers.
async function answerDashboard({ market, tax, social }: LegacyClients, id: string, year: number) {
  const [persons, represented, returns] = await Promise.all([
    social.getPersons([id]),
    market.companiesByLegalRepresentatives([id]),
    tax.getIncomeTaxReturns([{ personId: id, year }]),
  ]);
  const person = persons.get(id);
  if (!person) return { person: null };
  const companies = represented.get(id) ?? [];
  const employerUscc = person.account?.employerUscc ?? null;
  const [employers, profiles] = await Promise.all([
    employerUscc ? market.getCompanies([employerUscc]) : new Map(),
    tax.getTaxProfiles([...(employerUscc ? [employerUscc] : []), ...companies.map((company) => company.uscc)]),
  ]);
  const account = person.account;
  const taxReturn = returns.get(`${id}:${year}`);
  return {
    person: {
      id: person.id,
      name: person.name,
      gender: person.gender,
      birthDate: person.birthDate,
      phone: person.phone,
      address: person.address,
      socialSecurity: account && {
        accountNumber: account.accountNumber,
        status: account.status,
        contributionBase: account.contributionBase,
        pensionBalance: account.pensionBalance,
        medicalBalance: account.medicalBalance,
        employer: employerUscc
          ? {
              uscc: employerUscc,
              name: employers.get(employerUscc)?.name ?? null,
              tax: taxSummary(profiles.get(employerUscc)),
            }
          : null,
      },
      legalRepresentativeOf: companies.map((company) => ({
        uscc: company.uscc,
        name: company.name,
        status: company.status,
        tax: taxSummary(profiles.get(company.uscc)),
      })),
      incomeTax: taxReturn
        ? {
            year: taxReturn.year,
            income: taxReturn.income,
            taxPaid: taxReturn.taxPaid,
            taxDue: taxReturn.taxDue,
            refundDue: taxReturn.refundDue,
          }
        : null,
    },
  };
}
