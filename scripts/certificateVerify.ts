/**
 * `npm run certificate:verify -- <file> [--keys <folder>] [--gateway <url>] [--revocations <file>] [--at <instant>]`
 * checks a certificate file (`{"document": …, "seal": "…"}`, as a department's mutation answers
 * it) without asking any department: the seal against the issuers' published keys, saved in
 * `--keys` (one `<department>.json` per department, as downloaded from the gateway's
 * /.well-known/seals/) or fetched from `--gateway`; expiry as of now or `--at`; and, with
 * `--revocations` (a saved `npm run certificate:revoke -- --list` answer), revocation.
 * Exit 0: valid; 1: not valid (the reason is printed); 2: the question itself is wrong.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CertificateFormatError,
  parseCertificateFile,
  verifyCertificateSeal,
  type PublishedSealKeys,
} from '../core/certificates/index.js';
import { DEPARTMENT_NAMES } from '../registry/departments.js';

const USAGE =
  'usage: npm run certificate:verify -- <file> [--keys <folder of <department>.json>] [--gateway <url>] [--revocations <file>] [--at <ISO instant>]';

function fail(message: string): never {
  process.stderr.write(`certificate:verify: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: { keys?: string; gateway?: string; revocations?: string; at?: string };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: {
      keys: { type: 'string' },
      gateway: { type: 'string' },
      revocations: { type: 'string' },
      at: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const [file] = positionals;
if (!file) fail('which certificate file?');
if (!values.keys && !values.gateway) fail('give the published keys: --keys <folder> (offline) or --gateway <url>');

let text: string;
try {
  text = readFileSync(file, 'utf8');
  JSON.parse(text);
} catch (error) {
  fail(`cannot read ${file} as JSON: ${(error as Error).message}`);
}
// Read strictly: a name twice in one object would let another reader see other facts (MALFORMED below).
let certificate: { document?: unknown; seal?: unknown };
try {
  certificate = parseCertificateFile(text);
} catch (error) {
  if (!(error instanceof CertificateFormatError)) throw error;
  process.stdout.write(`not valid (MALFORMED): not a certificate: ${error.message}\n`);
  process.exit(1);
}

const keySets: Record<string, PublishedSealKeys> = {};
if (values.keys) {
  if (!existsSync(values.keys)) fail(`no folder ${values.keys}`);
  // Only the registry's departments: a file named after anything else (`__proto__.json`) is no department's keys.
  for (const department of DEPARTMENT_NAMES) {
    const path = join(values.keys, `${department}.json`);
    if (existsSync(path)) keySets[department] = readKeySet(path);
  }
} else {
  const base = values.gateway!.replace(/\/+$/, '');
  for (const department of DEPARTMENT_NAMES) {
    const response = await fetch(`${base}/.well-known/seals/${department}.json`).catch((error: unknown) =>
      fail(`cannot reach ${base}: ${(error as Error).message}`),
    );
    if (response.ok) keySets[department] = toKeySet(await response.json().catch(() => null), response.url);
  }
}

/** A published key set, as /.well-known/seals/<department>.json serves it; anything else is a wrong question. */
function toKeySet(value: unknown, source: string): PublishedSealKeys {
  const set = value as Partial<PublishedSealKeys> | null;
  if (typeof set !== 'object' || set === null || !Array.isArray(set.keys) || !Array.isArray(set.retired))
    fail(`${source} is not a published seal key set ({"keys": […], "retired": […]})`);
  return set as PublishedSealKeys;
}

function readKeySet(path: string): PublishedSealKeys {
  try {
    return toKeySet(JSON.parse(readFileSync(path, 'utf8')), path);
  } catch (error) {
    return fail(`cannot read ${path} as JSON: ${(error as Error).message}`);
  }
}

let revoked = new Set<string>();
if (values.revocations) {
  try {
    const list = JSON.parse(readFileSync(values.revocations, 'utf8')) as { department: string; serial: string }[];
    revoked = new Set(list.map(({ department, serial }) => `${department}/${serial}`));
  } catch (error) {
    fail(`cannot read ${values.revocations}: ${(error as Error).message}`);
  }
}

const now = values.at ? new Date(values.at) : new Date();
if (Number.isNaN(now.getTime())) fail(`--at ${values.at} is not a date`);

const verdict = await verifyCertificateSeal(
  { document: certificate.document, seal: certificate.seal },
  {
    keySets,
    now,
    ...(values.revocations
      ? { isRevoked: (department: string, serial: string) => revoked.has(`${department}/${serial}`) }
      : {}),
  },
);
if (verdict.valid) {
  const { document } = verdict;
  process.stdout.write(
    `valid: ${document.title} ${document.serial}, issued by ${document.issuer.name} (${document.issuer.department}) at ${document.issuedAt}, valid until ${document.validUntil}, sealed with ${verdict.kid}${values.revocations ? '' : '; revocation not checked (no --revocations)'}\n`,
  );
} else {
  process.stdout.write(`not valid (${verdict.reason}): ${verdict.message}\n`);
  process.exitCode = 1;
}
