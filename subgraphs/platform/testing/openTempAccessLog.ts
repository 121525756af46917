import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Tests open the stores themselves, which the kit leaves to the subgraph's start.
import { openAccessLogStore, openCertificateRegister } from '../../../access-log/index.js';
import type { AccessLogStore, CertificateRegister } from '../../kit/index.js';

/**
 * An access log on a SQLite file in a temp folder of its own, with the certificate register beside
 * it, for the platform's unit tests (a file, no socket); `dispose` closes both and deletes the folder.
 */
export async function openTempAccessLog(): Promise<{
  store: AccessLogStore;
  certificates: CertificateRegister;
  dispose(): Promise<void>;
}> {
  const folder = mkdtempSync(join(tmpdir(), 'platform-log-'));
  const url = `sqlite:${join(folder, 'access-log.db')}`;
  const store = await openAccessLogStore({ url });
  const certificates = await openCertificateRegister({ url });
  return {
    store,
    certificates,
    async dispose() {
      await Promise.all([store.close(), certificates.close()]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
