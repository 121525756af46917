/**
 * What the graph must answer, worked out straight from the data set the legacy systems serve,
 * without going through any adapter: a second, independent translation to compare against.
 */
import type { CitizenDashboardQuery, CompanyProfileQuery } from '../examples/generated/operations.js';
import {
  accountBalancesOf,
  filingsOf,
  incomeTaxReturnOf,
  type Company,
  type DataSet,
} from '../legacy-mocks/data/index.js';
import { fenToDecimal } from '../core/money.js';

type Profile = NonNullable<CompanyProfileQuery['company']>;
type Dashboard = NonNullable<CitizenDashboardQuery['me']>;

const toMonth = (period: string) => `${period.slice(0, 4)}-${period.slice(4)}`;
const toFilingPeriod = (period: string) =>
  period.length === 6 && !period.includes('Q') ? toMonth(period) : period.replace('Q', '-Q');

export function expectedTaxSummary(company: Company) {
  return { taxpayerType: company.tax.taxpayerType, creditRating: company.tax.creditRating };
}

export function expectedEmployerAccount(dataSet: DataSet, company: Company) {
  const account = company.employerAccount;
  if (!account) return null;
  return {
    accountNumber: account.accountNumber,
    insuredHeadcount: dataSet.insuredEmployeesByCompany.get(company.uscc)?.length ?? 0,
    arrears: fenToDecimal(account.arrearsFen),
    lastPaidPeriod: toMonth(account.lastPaidPeriod),
  };
}

export function expectedCompanyProfile(dataSet: DataSet, uscc: string, year: number): Profile {
  const company = dataSet.companyByUscc.get(uscc)!;
  return {
    uscc,
    name: company.name,
    legalForm: company.legalForm,
    status: company.status,
    establishedOn: company.establishedOn,
    registeredCapital: fenToDecimal(company.registeredCapitalFen),
    address: company.address,
    businessScope: company.businessScope,
    legalRepresentativeName: dataSet.residentById.get(company.legalRepresentativeId)!.name,
    shareholders: expectedShareholderPage(dataSet, uscc, 20),
    tax: {
      ...expectedTaxSummary(company),
      arrears: fenToDecimal(company.tax.arrearsFen),
      registeredOn: company.tax.registeredOn,
      filings: filingsOf(company, year).map((filing) => ({
        period: toFilingPeriod(filing.period),
        taxKind: filing.taxKind,
        amount: fenToDecimal(filing.amountFen),
        filedOn: filing.filedOn,
      })),
    },
    socialInsurance: expectedEmployerAccount(dataSet, company),
  };
}

/** The first page of a company's shareholders (`shareholders(first:)`), in registry order. */
export function expectedShareholderPage(dataSet: DataSet, uscc: string, first: number) {
  const all = dataSet.shareholdingsByCompany.get(uscc) ?? [];
  const hasNextPage = all.length > first;
  return {
    totalCount: all.length,
    hasNextPage,
    endCursor: hasNextPage ? Buffer.from(`page:${first}`).toString('base64url') : null,
    holdings: all.slice(0, first).map((holding) => ({
      holderName: dataSet.residentById.get(holding.holderId)!.name,
      sharePercent: holding.sharePercent,
      subscribedCapital: fenToDecimal(holding.subscribedCapitalFen),
      holder: { id: holding.holderId },
    })),
  };
}

export function expectedCitizenDashboard(dataSet: DataSet, id: string, year: number): Dashboard {
  const person = dataSet.residentById.get(id)!;
  const account = person.insurance;
  const employer = account?.employerUscc ? dataSet.companyByUscc.get(account.employerUscc)! : null;
  const balances = accountBalancesOf(person);
  const taxReturn = incomeTaxReturnOf(person, year);
  return {
    id,
    name: person.name,
    gender: person.gender,
    birthDate: person.birthDate,
    phone: person.phone,
    address: person.address,
    socialSecurity: account && {
      accountNumber: account.accountNumber,
      status: account.status,
      contributionBase: fenToDecimal(account.contributionBaseFen),
      pensionBalance: fenToDecimal(balances.pensionFen),
      medicalBalance: fenToDecimal(balances.medicalFen),
      employer: employer && { uscc: employer.uscc, name: employer.name, tax: expectedTaxSummary(employer) },
    },
    legalRepresentativeOf: (dataSet.companiesByLegalRepresentative.get(id) ?? []).map((company) => ({
      uscc: company.uscc,
      name: company.name,
      status: company.status,
      tax: expectedTaxSummary(company),
    })),
    incomeTax: taxReturn && {
      year,
      income: fenToDecimal(taxReturn.incomeFen),
      taxPaid: fenToDecimal(taxReturn.taxPaidFen),
      taxDue: fenToDecimal(taxReturn.taxDueFen),
      refundDue: fenToDecimal(taxReturn.refundDueFen),
    },
  };
}

/** Lists whose order the graph does not promise, sorted so two answers compare field by field. */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
