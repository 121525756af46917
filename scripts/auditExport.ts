/**
 * `npm run --silent audit:export -- --subject <resident ID or USCC> [--kind person|company] [--out file]`
 * writes everything the access log holds about one subject as JSON, with each record's hash,
 * previousHash and the hashing rule, so the subject or an auditor can recompute every hash
 * without our code. Reads the log named by AUDIT_DATABASE_URL, like audit:verify.
 * Exit 0: written; 1: the log could not be read; 2: bad arguments or no log there.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { residentIdProblem, usccProblem } from '../core/ids.js';
import {
  exportSubjectAccessLog,
  openAccessLogStore,
  type AccessLogStore,
  type AccessSubject,
} from '../access-log/index.js';

const USAGE =
  'usage: npm run --silent audit:export -- --subject <resident ID or USCC> [--kind person|company] [--out <file>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: { subject: { type: 'string' }, kind: { type: 'string' }, out: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const { subject: id, kind, out } = values;
if (!id) fail('--subject is required: a resident ID or a USCC');
if (kind !== undefined && kind !== 'person' && kind !== 'company') fail('--kind must be person or company');
if (out === '') fail('--out needs a file name');

// The problems never repeat the ID, so this message is safe to paste into a ticket.
const personProblem = residentIdProblem(id);
const companyProblem = usccProblem(id);
let subject: AccessSubject;
if (kind === 'person' || (kind === undefined && personProblem === null && companyProblem !== null)) {
  if (personProblem) fail(`--subject: ${personProblem}`);
  subject = { kind: 'person', id };
} else if (kind === 'company' || (kind === undefined && companyProblem === null && personProblem !== null)) {
  if (companyProblem) fail(`--subject: ${companyProblem}`);
  subject = { kind: 'company', id };
} else if (personProblem === null) {
  // All-digit strings can pass both check digits; only the caller knows which was meant.
  fail('--subject is a valid resident ID and a valid USCC: say which with --kind person or --kind company');
} else {
  fail(`--subject is neither a resident ID (${personProblem}) nor a USCC (${companyProblem})`);
}

let store: AccessLogStore;
try {
  store = await openAccessLogStore({ url: process.env.AUDIT_DATABASE_URL, create: false });
} catch (error) {
  fail(`cannot open the access log: ${(error as Error).message}`);
}

try {
  const exported = await exportSubjectAccessLog(store, subject);
  const json = `${JSON.stringify(exported, null, 2)}\n`;
  if (out) {
    // The export names who looked at whose data: personal data, readable by its owner only.
    writeFileSync(out, json, { mode: 0o600 });
    const count = exported.records.length;
    process.stderr.write(`wrote ${count} record${count === 1 ? '' : 's'} to ${out}\n`);
  } else {
    process.stdout.write(json);
  }
} catch (error) {
  process.stderr.write(`cannot export the access log: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
