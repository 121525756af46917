import { residentIdCheckDigit, USCC_ALPHABET, usccCheckCharacter } from '../../core/ids.js';
import type {
  Company,
  CompanyStatus,
  CreditRating,
  DataSet,
  EmployerAccount,
  Fixtures,
  InsuranceAccount,
  Resident,
  Shareholding,
  TaxProfile,
} from './model.js';
import { addMonths, LAST_PERIOD, periodIndex, periodFromIndex } from './periods.js';
import { createRandom, type Random } from './random.js';
import {
  BRAND_WORDS,
  DISTRICTS,
  GIVEN_NAME_CHARACTERS,
  INDUSTRIES,
  LEGAL_FORMS,
  LOCAL_REGION_CODES,
  OTHER_REGION_CODES,
  STREETS,
  SURNAMES,
} from './vocabulary.js';

export const DEFAULT_SEED = 20_261_127;
export const RESIDENT_COUNT = 10_000;
export const COMPANY_COUNT = 2_000;

/** Shareholder counts of the fixture companies (index in the company list → count). */
const FIXTURE_SHAREHOLDER_COUNTS: ReadonlyMap<number, number> = new Map([
  [4, 500],
  [5, 2],
  [6, 1],
  [7, 10],
  [8, 100],
  [9, 1000],
]);

/**
 * Builds the one data set all three legacy systems serve, from a seed. Same seed, same data,
 * on every start and every machine: nothing is stored, and the fixtures (FIXTURES.md) always
 * name the same people and companies.
 */
export function generateDataSet(seed: number = DEFAULT_SEED): DataSet {
  const random = createRandom(seed);
  const residents = generateResidents(random);
  const companies = generateCompanies(random, residents);
  const fixtures = shapeFixtures(random, residents, companies);
  const shareholdings = generateShareholdings(random, residents, companies, fixtures);
  insureResidents(random, residents, companies, fixtures);
  return indexDataSet(seed, residents, companies, shareholdings, fixtures);
}

function generateResidents(random: Random): Resident[] {
  const taken = new Set<string>();
  const residents: Resident[] = [];
  while (residents.length < RESIDENT_COUNT) {
    const region = random.chance(0.8) ? random.pick(LOCAL_REGION_CODES) : random.pick(OTHER_REGION_CODES);
    const birthDate = `${random.int(1950, 2004)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const gender = random.chance(0.5) ? 'MALE' : 'FEMALE';
    // The sequence number's parity carries the gender: odd for men, even for women.
    const sequence = random.int(0, 499) * 2 + (gender === 'MALE' ? 1 : 0);
    const body = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const id = body + residentIdCheckDigit(body);
    if (taken.has(id)) continue;
    taken.add(id);
    const givenLength = random.chance(0.7) ? 2 : 1;
    let given = '';
    for (let i = 0; i < givenLength; i++) given += random.pick(GIVEN_NAME_CHARACTERS);
    residents.push({
      id,
      name: random.pick(SURNAMES) + given,
      gender,
      birthDate,
      phone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
      address: localAddress(random),
      insurance: null,
    });
  }
  return residents;
}

function generateCompanies(random: Random, residents: readonly Resident[]): Company[] {
  const takenCodes = new Set<string>();
  const takenNames = new Set<string>();
  const companies: Company[] = [];
  while (companies.length < COMPANY_COUNT) {
    const region = random.pick(LOCAL_REGION_CODES);
    let organisation = '';
    for (let i = 0; i < 9; i++) organisation += random.pick([...USCC_ALPHABET]);
    // 9 = registered with the market regulator, 1 = an enterprise.
    const body = `91${region}${organisation}`;
    const uscc = body + usccCheckCharacter(body);
    if (takenCodes.has(uscc)) continue;

    const industry = random.pick(INDUSTRIES);
    const legalForm = pickWeighted(random, LEGAL_FORMS).form;
    const suffix = legalForm.startsWith('股份') ? '股份有限公司' : legalForm.startsWith('有限合伙') ? '合伙企业(有限合伙)' : '有限公司';
    const name = `杭州${random.pick(BRAND_WORDS)}${random.pick(GIVEN_NAME_CHARACTERS)}${industry.word}${suffix}`;
    if (takenNames.has(name)) continue;
    takenCodes.add(uscc);
    takenNames.add(name);

    const established = `${random.int(1995, 2024)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const statusRoll = random.int(1, 100);
    const status: CompanyStatus = statusRoll <= 90 ? 'ACTIVE' : statusRoll <= 95 ? 'REVOKED' : 'CANCELLED';
    companies.push({
      uscc,
      name,
      legalForm,
      status,
      establishedOn: established,
      // 100k to 50M CNY, in whole thousands of yuan.
      registeredCapitalFen: random.int(100, 50_000) * 1_000 * 100,
      address: localAddress(random),
      businessScope: industry.scope,
      legalRepresentativeId: random.pick(residents).id,
      tax: generateTaxProfile(random, established),
      employerAccount: status === 'ACTIVE' && random.chance(0.85) ? generateEmployerAccount(random) : null,
    });
  }
  return companies;
}

function generateTaxProfile(random: Random, establishedOn: string): TaxProfile {
  const registered = new Date(`${establishedOn}T00:00:00Z`);
  registered.setUTCDate(registered.getUTCDate() + random.int(5, 40));
  const ratingRoll = random.int(1, 100);
  const creditRating: CreditRating = ratingRoll <= 35 ? 'A' : ratingRoll <= 75 ? 'B' : ratingRoll <= 88 ? 'M' : ratingRoll <= 96 ? 'C' : 'D';
  return {
    taxpayerType: random.chance(0.4) ? 'GENERAL' : 'SMALL_SCALE',
    registeredOn: registered.toISOString().slice(0, 10),
    creditRating,
    arrearsFen: creditRating === 'C' || creditRating === 'D' || random.chance(0.03) ? random.int(1_000, 5_000_000) * 100 + random.int(0, 99) : 0,
  };
}

function generateEmployerAccount(random: Random): EmployerAccount {
  const inArrears = random.chance(0.06);
  return {
    accountNumber: `33010${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    arrearsFen: inArrears ? random.int(5_000, 2_000_000) * 100 : 0,
    lastPaidPeriod: inArrears ? addMonths(LAST_PERIOD, -random.int(1, 6)) : LAST_PERIOD,
  };
}

/** Sets the fixture companies and people into a known shape; FIXTURES.md documents each. */
function shapeFixtures(random: Random, residents: Resident[], companies: Company[]): Fixtures {
  const company = (index: number) => companies[index]!;
  for (const index of [0, 1, 2, 4, 5, 6, 7, 8, 9]) {
    company(index).status = 'ACTIVE';
    company(index).employerAccount ??= generateEmployerAccount(random);
  }
  const representative = residents[0]!;
  for (const index of [0, 1, 2]) company(index).legalRepresentativeId = representative.id;
  company(1).tax.arrearsFen = 1_234_567_89;
  company(1).tax.creditRating = 'C';
  company(3).status = 'REVOKED';
  company(3).employerAccount = null;
  return {
    multiRepresentative: representative.id,
    companyInArrears: company(1).uscc,
    revokedCompany: company(3).uscc,
    personWithoutSocialInsurance: residents[1]!.id,
    companyWithManyShareholders: company(4).uscc,
    companyWithTwoShareholders: company(5).uscc,
    employeeShareholder: residents[2]!.id,
    companyWithShareholders: { 1: company(6).uscc, 10: company(7).uscc, 100: company(8).uscc, 1000: company(9).uscc },
  };
}

function generateShareholdings(random: Random, residents: readonly Resident[], companies: readonly Company[], fixtures: Fixtures): Shareholding[] {
  const shareholdings: Shareholding[] = [];
  companies.forEach((company, index) => {
    const count = FIXTURE_SHAREHOLDER_COUNTS.get(index) ?? pickWeighted(random, SHAREHOLDER_COUNTS).count;
    const holders = new Set<string>();
    if (company.uscc === fixtures.companyWithTwoShareholders) holders.add(fixtures.employeeShareholder);
    while (holders.size < count) holders.add(random.pick(residents).id);
    const weights = [...holders].map(() => random.int(1, 100));
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    let remaining = company.registeredCapitalFen;
    [...holders].forEach((holderId, i) => {
      // Whole yuan per holder; the last holder takes the remainder so the shares add up exactly.
      const subscribed = i === holders.size - 1 ? remaining : Math.floor((company.registeredCapitalFen * weights[i]!) / totalWeight / 100) * 100;
      remaining -= subscribed;
      shareholdings.push({
        companyUscc: company.uscc,
        holderId,
        subscribedCapitalFen: subscribed,
        sharePercent: Math.round((subscribed / company.registeredCapitalFen) * 10_000) / 100,
      });
    });
  });
  return shareholdings;
}

const SHAREHOLDER_COUNTS = [
  { count: 1, weight: 35 },
  { count: 2, weight: 30 },
  { count: 3, weight: 20 },
  { count: 4, weight: 10 },
  { count: 5, weight: 5 },
] as const;

function insureResidents(random: Random, residents: Resident[], companies: readonly Company[], fixtures: Fixtures): void {
  const employers = companies.filter((company) => company.status === 'ACTIVE' && company.employerAccount !== null);
  const employerOf = new Map<string, string>([
    [fixtures.multiRepresentative, companies[0]!.uscc],
    [fixtures.employeeShareholder, fixtures.companyWithTwoShareholders],
  ]);
  for (const resident of residents) {
    if (resident.id === fixtures.personWithoutSocialInsurance) continue;
    const fixedEmployer = employerOf.get(resident.id);
    if (fixedEmployer === undefined && !random.chance(0.8)) continue;
    const employerUscc = fixedEmployer ?? (random.chance(0.92) ? random.pick(employers).uscc : null);
    const statusRoll = random.int(1, 100);
    const status = fixedEmployer !== undefined || statusRoll <= 88 ? 'ACTIVE' : statusRoll <= 95 ? 'SUSPENDED' : 'TERMINATED';
    // At least five years of monthly contributions for everyone insured, from age 18 at the earliest;
    // residents too young for that are not insured yet.
    const adultFrom = Math.max(periodIndex('199801'), periodIndex(`${Number(resident.birthDate.slice(0, 4)) + 18}01`));
    const latestStart = periodIndex(addMonths(LAST_PERIOD, -71));
    if (adultFrom > latestStart) continue;
    const startPeriod = periodFromIndex(random.int(adultFrom, latestStart));
    const endPeriod = status === 'ACTIVE' ? LAST_PERIOD : periodFromIndex(random.int(periodIndex(startPeriod) + 71, periodIndex(LAST_PERIOD) - 1));
    const account: InsuranceAccount = {
      accountNumber: `GR${resident.id.slice(0, 6)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      status,
      employerUscc: status === 'TERMINATED' ? null : employerUscc,
      contributionBaseFen: random.int(40, 300) * 100 * 100,
      startPeriod,
      endPeriod,
    };
    resident.insurance = account;
  }
}

function indexDataSet(seed: number, residents: Resident[], companies: Company[], shareholdings: Shareholding[], fixtures: Fixtures): DataSet {
  const companiesByLegalRepresentative = new Map<string, Company[]>();
  for (const company of companies) pushTo(companiesByLegalRepresentative, company.legalRepresentativeId, company);
  const shareholdingsByCompany = new Map<string, Shareholding[]>();
  const shareholdingsByHolder = new Map<string, Shareholding[]>();
  for (const holding of shareholdings) {
    pushTo(shareholdingsByCompany, holding.companyUscc, holding);
    pushTo(shareholdingsByHolder, holding.holderId, holding);
  }
  const insuredEmployeesByCompany = new Map<string, Resident[]>();
  for (const resident of residents) {
    if (resident.insurance?.status === 'ACTIVE' && resident.insurance.employerUscc) pushTo(insuredEmployeesByCompany, resident.insurance.employerUscc, resident);
  }
  return {
    seed,
    residents,
    companies,
    shareholdings,
    residentById: new Map(residents.map((resident) => [resident.id, resident])),
    companyByUscc: new Map(companies.map((company) => [company.uscc, company])),
    companiesByLegalRepresentative,
    shareholdingsByCompany,
    shareholdingsByHolder,
    insuredEmployeesByCompany,
    fixtures,
  };
}

function localAddress(random: Random): string {
  const region = random.pick(LOCAL_REGION_CODES);
  return `浙江省杭州市${DISTRICTS[region]}${random.pick(STREETS)}${random.int(1, 999)}号`;
}

function pickWeighted<T extends { weight: number }>(random: Random, options: readonly T[]): T {
  const total = options.reduce((sum, option) => sum + option.weight, 0);
  let roll = random.int(1, total);
  for (const option of options) {
    roll -= option.weight;
    if (roll <= 0) return option;
  }
  return options[options.length - 1]!;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
