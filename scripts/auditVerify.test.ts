import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessLogBackends, type TempAccessLog } from '../subgraphs/kit/audit/testing/accessLogBackends.js';
import { sampleEntries } from '../subgraphs/kit/audit/testing/sampleEntries.js';

const run = promisify(execFile);
type Failure = { code: number; stdout: string; stderr: string };
const auditVerify = (url: string) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/auditVerify.ts'], { env: { ...process.env, AUDIT_DATABASE_URL: url } }).catch(
    (error: Failure) => error,
  );

for (const backend of accessLogBackends) {
  describe.skipIf(backend.skipReason !== null)(`npm run audit:verify on ${backend.name}`, () => {
    let log: TempAccessLog;
    beforeEach(async () => {
      log = await backend.create();
      const store = await log.open();
      for (let i = 1; i <= 4; i++) await store.append(sampleEntries(`r${i}`));
      await store.close();
    });
    afterEach(() => log.dispose());

    it('prints the record count and exits 0 for an intact log', async () => {
      expect(await auditVerify(log.url)).toMatchObject({ stdout: 'access log OK: 12 records\n', stderr: '' });
    });

    it('names the first broken record and exits 1 for a tampered log', async () => {
      await log.execute("UPDATE access_log SET caller_sub = 'someone-else' WHERE seq = 7");
      expect(await auditVerify(log.url)).toMatchObject({
        code: 1,
        stderr: 'access log BROKEN at record #7: its content does not match its hash (changed)\n',
      });
    });
  });
}

describe('npm run audit:verify without a log', () => {
  let folder: string;
  beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'access-log-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('exits 2 rather than report an empty log as intact when the location holds none', async () => {
    const failure = await auditVerify(join(folder, 'mistyped.db'));
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringMatching(/^cannot open the access log/) });
  });
});
