import { readFileSync } from 'node:fs';
import type { LegacyClients, LoadScenario } from '../LoadScenario.js';
import type { Sliceable } from '../../core/index.js';

const DOCUMENT = readFileSync(new URL('../../examples/operations/CompanyProfile.graphql', import.meta.url), 'utf8');

/**
 * A company's profile (registry, owners, taxes, social insurance), each asked by the company
 * itself so that every field is allowed. The growth measurement runs it for one company of each
 * size, 1 to 1,000 shareholders.
 */
export function companyProfile(usccs: readonly string[], name = 'company profile', page = PROFILE_PAGE): LoadScenario {
  // The portal's page of 20, or (growth) the largest page a caller may ask for.
  const document = DOCUMENT.replace(`shareholders(first: ${PROFILE_PAGE})`, `shareholders(first: ${page})`);
  return {
    name,
    key: 'company-profile',
    document,
    openDocument: document,
    subjects: usccs.map((uscc) => ({
      variables: { uscc, year: 2025 },
      openVariables: { uscc, year: 2025 },
      caller: { kind: 'company', sub: uscc },
    })),
    answerDirectly: (legacy, variables) => answerProfile(legacy, String(variables.uscc), Number(variables.year), page),
  };
}

// What a hand-written client does: every department at once, all keyed by the USCC.
async function answerProfile({ market, tax, social }: LegacyClients, uscc: string, year: number, page: number) {
  const [companies, shareholders, profiles, filings, accounts] = await Promise.all([
    market.getCompanies([uscc]),
    market.shareholdersOf([uscc]),
    tax.getTaxProfiles([uscc]),
    tax.getFilings(uscc, year),
    social.getEmployerAccounts([uscc]),
  ]);
  const company = companies.get(uscc);
  if (!company) return { company: null };
  const profile = profiles.get(uscc);
  const account = accounts.get(uscc);
  return {
    company: {
      uscc: company.uscc,
      name: company.name,
      legalForm: company.legalForm,
      status: company.status,
      establishedOn: company.establishedOn,
      registeredCapital: company.registeredCapital,
      address: company.address,
      businessScope: company.businessScope,
      legalRepresentativeName: company.legalRepresentativeName,
      shareholders: firstShareholderPage(shareholders.get(uscc) ?? [], page),
      tax: profile
        ? {
            taxpayerType: profile.taxpayerType,
            registeredOn: profile.registeredOn,
            creditRating: profile.creditRating,
            arrears: profile.arrears,
            filings: filings.map((filing) => ({
              period: filing.period,
              taxKind: filing.taxKind,
              amount: filing.amount,
              filedOn: filing.filedOn,
            })),
          }
        : null,
      socialInsurance: account
        ? {
            accountNumber: account.accountNumber,
            insuredHeadcount: account.insuredHeadcount,
            arrears: account.arrears,
            lastPaidPeriod: account.lastPaidPeriod,
          }
        : null,
    },
  };
}

/** The profile's page of shareholders (`shareholders(first: page)`), as the gateway pages the registry's whole list. */
function firstShareholderPage(
  // The client's list, translated only where sliced, as the market subgraph reads it.
  all: Sliceable<{ holderName: string; sharePercent: number; subscribedCapital: string; holderId: string }>,
  page: number,
) {
  const hasNextPage = all.length > page;
  return {
    totalCount: all.length,
    hasNextPage,
    endCursor: hasNextPage ? Buffer.from(`page:${page}`).toString('base64url') : null,
    holdings: all.slice(0, page).map((holding) => ({
      holderName: holding.holderName,
      sharePercent: holding.sharePercent,
      subscribedCapital: holding.subscribedCapital,
      holder: { id: holding.holderId },
    })),
  };
}

const PROFILE_PAGE = 20;
