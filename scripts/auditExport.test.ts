import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectAccessLogExport } from '../access-log/index.js';
import { probeBackends, sqliteBackend, type TempAccessLog } from '../access-log/testing/accessLogBackends.js';
import { sampleRequest, SUBJECTS } from '../access-log/testing/sampleEntries.js';

const run = promisify(execFile);
type Failure = { code: number; stdout: string; stderr: string };
const auditExport = (url: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/auditExport.ts', ...args], {
    env: { ...process.env, AUDIT_DATABASE_URL: url },
  }).catch((error: Failure) => error);

/**
 * The hash as a third party would compute it from the export's hashRule alone: written here
 * from the rule's words (sorted keys, no whitespace, subjects as their digests), independently
 * of canonicalJson and hashAccessRecord.
 */
function recomputeHash(record: Record<string, unknown> & { subjects: Array<Record<string, unknown>> }): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, v]) => [k, sorted(v)]),
          )
        : value;
  const sha = (value: unknown) =>
    createHash('sha256')
      .update(JSON.stringify(sorted(value)))
      .digest('hex');
  const { hash: _hash, subjects, ...body } = record;
  return sha({
    ...body,
    subjects: subjects.map((subject) => (typeof subject.digest === 'string' ? subject.digest : sha(subject))),
  });
}

for (const backend of await probeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`npm run audit:export on ${backend.name}`, () => {
    let log: TempAccessLog;
    beforeAll(async () => {
      log = await backend.create();
      const store = await log.open();
      for (let i = 1; i <= 3; i++) await store.append(sampleRequest(`r${i}`));
      await store.close();
    });
    afterAll(() => log.dispose());

    it("writes the subject's records oldest first, each with hashes a third party can recompute", async () => {
      const { stdout } = await auditExport(log.url, '--subject', SUBJECTS.employee.id);
      const exported = JSON.parse(stdout) as SubjectAccessLogExport;
      expect(exported.subject).toEqual(SUBJECTS.employee);
      expect(exported.records.map((record) => [record.seq, record.requestId])).toEqual([
        [1, 'r1'],
        [2, 'r2'],
        [3, 'r3'],
      ]);
      expect(exported.hashRule.canonicalJson).toMatch(/RFC 8785/);
      for (const record of exported.records) expect(recomputeHash(record as never)).toBe(record.hash);
      // The other people in the same requests appear only as digests.
      const text = JSON.stringify(exported);
      expect(text).not.toContain(SUBJECTS.citizen.id);
      expect(text).not.toContain(SUBJECTS.companyInArrears.id);
      expect(exported.records[0]!.subjects.filter((subject) => 'digest' in subject)).toHaveLength(2);
      expect(exported.heads).toEqual([expect.objectContaining({ seq: 3 })]);
    });

    it('tells a company from a person by its USCC', async () => {
      const { stdout } = await auditExport(log.url, '--subject', SUBJECTS.companyInArrears.id);
      const exported = JSON.parse(stdout) as SubjectAccessLogExport;
      expect(exported.subject.kind).toBe('company');
      expect(exported.records).toHaveLength(3);
    });
  });
}

describe('npm run audit:export, arguments', () => {
  let log: TempAccessLog;
  let folder: string;
  beforeAll(async () => {
    log = await sqliteBackend.create();
    await (await log.open()).append(sampleRequest('r1'));
    folder = mkdtempSync(join(tmpdir(), 'access-log-export-'));
  });
  afterAll(async () => {
    await log.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes to --out, readable by its owner only, and says how many records', async () => {
    const file = join(folder, 'export.json');
    const { stdout, stderr } = await auditExport(log.url, '--subject', SUBJECTS.citizen.id, '--out', file);
    expect(stdout).toBe('');
    expect(stderr).toBe(`wrote 1 record to ${file}\n`);
    expect((JSON.parse(readFileSync(file, 'utf8')) as SubjectAccessLogExport).records).toHaveLength(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a subject with a bad check digit with a clear message and exit code 2, without echoing it', async () => {
    const bad = `${SUBJECTS.citizen.id.slice(0, 17)}${SUBJECTS.citizen.id.endsWith('0') ? '1' : '0'}`;
    const failure = await auditExport(log.url, '--subject', bad);
    expect(failure).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/check digit of the resident ID does not match/),
    });
    expect((failure as Failure).stderr).not.toContain(bad);
  });

  it('refuses a missing --subject and an unknown option with exit code 2', async () => {
    expect(await auditExport(log.url)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--subject is required/),
    });
    expect(await auditExport(log.url, '--subject', SUBJECTS.citizen.id, '--format', 'csv')).toMatchObject({ code: 2 });
  });
});
