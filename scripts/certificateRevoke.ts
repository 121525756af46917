/**
 * `npm run certificate:revoke -- <department> <serial> --reason "<why>"` revokes one of a
 * department's certificates in the certificate register (the access log's database,
 * AUDIT_DATABASE_URL): `verifyCertificate` answers REVOKED from then on.
 * `npm run certificate:revoke -- --list [<department>...]` prints the revocation list as JSON, for
 * offline verifiers (`certificate:verify --revocations`).
 * Exit 0: done; 1: refused (unknown serial, already revoked); 2: a wrong question or no database.
 */
import { parseArgs } from 'node:util';
import { DEPARTMENT_NAMES } from '../registry/departments.js';
import { openCertificateRegister, type OpenedCertificateRegister } from '../access-log/index.js';

const USAGE =
  'usage: npm run certificate:revoke -- <department> <serial> --reason "<why>"\n       npm run certificate:revoke -- --list [<department>...]';

let values: { reason?: string; list?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: { reason: { type: 'string' }, list: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  }));
} catch (error) {
  process.stderr.write(`certificate:revoke: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const departments = values.list
  ? positionals.length > 0
    ? positionals
    : [...DEPARTMENT_NAMES]
  : positionals.slice(0, 1);
const unknown = departments.find((department) => !(DEPARTMENT_NAMES as readonly string[]).includes(department));
const wrong = unknown
  ? `no department ${unknown} in registry/departments.ts`
  : !values.list && (positionals.length !== 2 || !values.reason?.trim())
    ? 'give the department, the serial and --reason'
    : null;
if (wrong) {
  process.stderr.write(`certificate:revoke: ${wrong}\n${USAGE}\n`);
  process.exit(2);
}

let register: OpenedCertificateRegister;
try {
  register = await openCertificateRegister({ url: process.env.AUDIT_DATABASE_URL, create: false });
} catch (error) {
  process.stderr.write(`certificate:revoke: cannot open the certificate register: ${(error as Error).message}\n`);
  process.exit(2);
}
try {
  if (values.list) {
    const lists = await Promise.all(
      departments.map(async (department) =>
        (await register.revocations(department)).map((revocation) => ({ department, ...revocation })),
      ),
    );
    process.stdout.write(`${JSON.stringify(lists.flat(), null, 2)}\n`);
  } else {
    const [department, serial] = positionals as [string, string];
    const revoked = await register.revoke(department, serial, values.reason!.trim());
    process.stdout.write(`revoked ${revoked.serial} (${revoked.type}) at ${revoked.revokedAt}\n`);
  }
} catch (error) {
  process.stderr.write(`certificate:revoke: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await register.close();
}
