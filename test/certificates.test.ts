import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readActiveSealKey, retireSealKey, rotateSealKey, sealCertificate } from '../core/certificates/index.js';
import { startStack, type CallerClaims, type Stack } from './harness.js';

const run = promisify(execFile);
const ROOT = new URL('../', import.meta.url);

type Issued = { serial: string; document: string; seal: string; validUntil: string };
type Verification = {
  valid: boolean;
  problem: string | null;
  message: string;
  serial: string | null;
  issuer: string | null;
};

const VERIFY = `query Verify($document: String!, $seal: String!) {
  verifyCertificate(document: $document, seal: $seal) { valid problem message serial issuer }
}`;

describe('certificates with department seals', () => {
  let stack: Stack;
  let seals: string;
  let previousSealDirectory: string | undefined;
  let cleanCompany: string;
  let resident: string;

  beforeAll(async () => {
    // Seal keys of this run only: the development keys under data/ are never touched.
    seals = mkdtempSync(join(tmpdir(), 'seals-'));
    previousSealDirectory = process.env.SEAL_KEYS_DIR;
    process.env.SEAL_KEYS_DIR = seals;
    stack = await startStack();
    const { fixtures, companies } = stack.dataSet;
    cleanCompany = companies.find((company) => company.tax.arrearsFen === 0 && company.status === 'ACTIVE')!.uscc;
    resident = fixtures.multiRepresentative;
  }, 60_000);

  afterAll(async () => {
    await stack?.close();
    if (previousSealDirectory === undefined) delete process.env.SEAL_KEYS_DIR;
    else process.env.SEAL_KEYS_DIR = previousSealDirectory;
    rmSync(seals, { recursive: true, force: true });
  });

  const company = (uscc: string): CallerClaims => ({ kind: 'company', sub: uscc });

  async function issueTaxClearance(uscc: string, as: CallerClaims = company(uscc), renew = false) {
    return stack.query<{ issueTaxClearance: Issued | null }, { uscc: string; renew: boolean }>(
      'mutation Clear($uscc: ID!, $renew: Boolean) { issueTaxClearance(uscc: $uscc, renew: $renew) { serial document seal validUntil } }',
      { uscc, renew },
      { as },
    );
  }

  async function verifyOnline(certificate: { document: string; seal: string }): Promise<Verification> {
    const answer = await stack.query<{ verifyCertificate: Verification }, { document: string; seal: string }>(
      VERIFY,
      certificate,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.verifyCertificate;
  }

  /** `npm run certificate:verify` with the keys saved from the gateway and no network: its exit code and output. */
  async function verifyOffline(certificate: { document: string; seal: string }, ...extra: string[]) {
    const folder = mkdtempSync(join(tmpdir(), 'certificate-'));
    try {
      const keys = join(folder, 'keys');
      mkdirSync(keys);
      for (const department of ['market', 'tax', 'social']) {
        const response = await fetch(
          `${stack.gatewayUrl.replace(/\/graphql$/, '')}/.well-known/seals/${department}.json`,
        );
        expect(response.status).toBe(200);
        writeFileSync(join(keys, `${department}.json`), await response.text());
      }
      writeFileSync(join(folder, 'certificate.json'), JSON.stringify(certificate));
      const args = [
        '--import',
        'tsx',
        'scripts/certificateVerify.ts',
        join(folder, 'certificate.json'),
        '--keys',
        keys,
        ...extra,
      ];
      try {
        const { stdout } = await run(process.execPath, args, { cwd: ROOT });
        return { code: 0, stdout };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout + failed.stderr };
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it('bounds what an anonymous caller can send: an oversized or malformed file, a huge document', async () => {
    const origin = new URL(stack.gatewayUrl).origin;
    const print = (body: string) =>
      fetch(`${origin}/certificates/print`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const oversized = await print(JSON.stringify({ document: 'x'.repeat(70_000), seal: 'a..b' }));
    expect(oversized.status).toBe(413);
    expect(
      ((await oversized.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code,
    ).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await print('{"not": "a certificate"}');
    expect(malformed.status).toBe(400);
    const huge = await stack.query<{ verifyCertificate: Verification | null }, { document: string; seal: string }>(
      VERIFY,
      { document: 'x'.repeat(70_000), seal: 'a..b' },
    );
    expect(huge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A public check records nothing: no subject is given data. (First in this file: no refusal of another test is still waiting to be written.)
    const before = (await stack.accessLog.readChains()).reduce((sum, chain) => sum + chain.seq, 0);
    await verifyOnline({ document: '{}', seal: 'a..b' });
    const after = (await stack.accessLog.readChains()).reduce((sum, chain) => sum + chain.seq, 0);
    expect(after).toBe(before);
  });

  it('issues each department’s certificate to its subject, sealed, and verifies it online and offline', async () => {
    const tax = await issueTaxClearance(cleanCompany);
    expect(tax.errors).toBeUndefined();
    const extract = await stack.query<{ issueBusinessLicenceExtract: Issued }, { uscc: string }>(
      'mutation Extract($uscc: ID!) { issueBusinessLicenceExtract(uscc: $uscc) { serial document seal validUntil } }',
      { uscc: cleanCompany },
      { as: company(cleanCompany) },
    );
    expect(extract.errors).toBeUndefined();
    const contributions = await stack.query<{ issueContributionCertificate: Issued }, { id: string; year: number }>(
      'mutation Paid($id: ID!, $year: Int!) { issueContributionCertificate(id: $id, year: $year) { serial document seal validUntil } }',
      { id: resident, year: 2025 },
      { as: { kind: 'person', sub: resident } },
    );
    expect(contributions.errors).toBeUndefined();

    const issued = [
      { department: 'tax', certificate: tax.data!.issueTaxClearance! },
      { department: 'market', certificate: extract.data!.issueBusinessLicenceExtract },
      { department: 'social', certificate: contributions.data!.issueContributionCertificate },
    ];
    for (const { department, certificate } of issued) {
      const document = JSON.parse(certificate.document);
      expect(document.issuer.department).toBe(department);
      expect(certificate.serial).toBe(document.serial);
      expect(await verifyOnline(certificate)).toMatchObject({ valid: true, problem: null, issuer: department });
      const offline = await verifyOffline(certificate);
      expect(offline.code, offline.stdout).toBe(0);
      expect(offline.stdout).toContain(`valid: ${document.title} ${certificate.serial}`);
    }
    // The facts are the department's own records: the company's registry name, the resident's months paid.
    const extractFacts = JSON.parse(issued[1]!.certificate.document).facts;
    expect(extractFacts.name).toBe(stack.dataSet.companyByUscc.get(cleanCompany)!.name);
    const paid = JSON.parse(issued[2]!.certificate.document).facts;
    expect(paid.year).toBe(2025);
    expect(paid.monthCount).toBe(paid.monthsPaid.length);
  });

  it('catches a changed byte, a revoked serial, an expired certificate, another department’s key and a retired key', async () => {
    const { data } = await issueTaxClearance(cleanCompany);
    const certificate = data!.issueTaxClearance!;

    const changed = { ...certificate, document: certificate.document.replace('"arrears":"0.00"', '"arrears":"0.10"') };
    expect(changed.document).not.toBe(certificate.document);
    expect(await verifyOnline(changed)).toMatchObject({ valid: false, problem: 'TAMPERED' });
    expect((await verifyOffline(changed)).stdout).toContain('not valid (TAMPERED)');

    // Expired: as of a day after its validity (offline, where the moment can be chosen).
    const later = new Date(Date.parse(certificate.validUntil) + 86_400_000).toISOString();
    const expired = await verifyOffline(certificate, '--at', later);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain('not valid (EXPIRED)');

    // A forger with the social bureau's key cannot make a tax certificate.
    const socialKey = await readActiveSealKey('social', { createIfMissing: true });
    const document = JSON.parse(certificate.document);
    const forged = await sealCertificate({ ...document, issuer: { department: 'social', name: 'x' } }, socialKey);
    expect(await verifyOnline({ document: certificate.document, seal: forged })).toMatchObject({
      valid: false,
      problem: 'WRONG_ISSUER',
    });

    // Revoked by the tax bureau: online at once; offline with the saved revocation list.
    await stack.certificates.revoke('tax', certificate.serial, 'issued in error');
    expect(await verifyOnline(certificate)).toMatchObject({ valid: false, problem: 'REVOKED' });
    const folder = mkdtempSync(join(tmpdir(), 'revocations-'));
    try {
      const list = join(folder, 'revocations.json');
      writeFileSync(list, JSON.stringify([{ department: 'tax', serial: certificate.serial }]));
      expect((await verifyOffline(certificate, '--revocations', list)).stdout).toContain('not valid (REVOKED)');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    // A rotation keeps what the old key sealed valid; retiring that key makes it fail.
    const before = (await issueTaxClearance(cleanCompany)).data!.issueTaxClearance!;
    expect(before.serial, 'a revoked certificate is not answered again').not.toBe(certificate.serial);
    const oldKid = (await readActiveSealKey('tax')).kid;
    await rotateSealKey('tax');
    // Asked again after the rotation, the same certificate comes back, sealed with the new key.
    const after = (await issueTaxClearance(cleanCompany)).data!.issueTaxClearance!;
    expect(after).toMatchObject({ serial: before.serial, document: before.document });
    expect(after.seal).not.toBe(before.seal);
    expect(await verifyOnline(before)).toMatchObject({ valid: true });
    retireSealKey('tax', oldKid);
    expect(await verifyOnline(before)).toMatchObject({ valid: false, problem: 'RETIRED_KEY' });
    expect((await verifyOffline(before)).stdout).toContain('not valid (RETIRED_KEY)');
    expect(await verifyOnline(after)).toMatchObject({ valid: true });
    // Renewed, it is a new certificate.
    const renewed = (await issueTaxClearance(cleanCompany, company(cleanCompany), true)).data!.issueTaxClearance!;
    expect(renewed.serial).not.toBe(after.serial);
    expect(await verifyOnline(renewed)).toMatchObject({ valid: true });
  }, 60_000);

  it('refuses a certificate the records do not support, and a caller the policy denies, issuing nothing', async () => {
    const { companyInArrears } = stack.dataSet.fixtures;
    const arrears = await issueTaxClearance(companyInArrears);
    expect(arrears.data?.issueTaxClearance).toBeNull();
    expect(arrears.errors?.[0]?.extensions?.code).toBe('CERTIFICATE_REFUSED');

    // Another company, an anonymous caller, a resident: none may have a clearance issued about this company.
    for (const as of [company(companyInArrears), { kind: 'person', sub: resident } as CallerClaims]) {
      const denied = await issueTaxClearance(cleanCompany, as);
      expect(denied.data?.issueTaxClearance ?? null).toBeNull();
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await stack.query('mutation { issueTaxClearance(uscc: "' + cleanCompany + '") { serial } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("records every issuance in the subject's own access log, and keeps the issuance's hash, never the document", async () => {
    const issued = (await issueTaxClearance(cleanCompany)).data!.issueTaxClearance!;
    type Log = {
      company: { dataAccessLog: { accesses: Array<{ department: string; fields: Array<{ field: string }> }> } };
    };
    const log = await stack.query<Log, undefined>(
      `{ company(uscc: "${cleanCompany}") { dataAccessLog(first: 50) { accesses { department fields { field } } } } }`,
      undefined,
      { as: company(cleanCompany) },
    );
    expect(log.errors).toBeUndefined();
    const issuances = log.data!.company.dataAccessLog.accesses.filter((access) =>
      access.fields.some(({ field }) => field === 'Mutation.issueTaxClearance'),
    );
    expect(issuances.length).toBeGreaterThan(0);
    expect(issuances.every((access) => access.department === 'tax')).toBe(true);

    const kept = await stack.certificates.read(issued.serial);
    expect(kept).toMatchObject({ department: 'tax', subject: { kind: 'COMPANY', id: cleanCompany }, revokedAt: null });
    expect(JSON.stringify(kept)).not.toContain('arrears');
  });
});
