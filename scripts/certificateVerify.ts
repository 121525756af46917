/**
 * `npm run certificate:verify -- <file> [--keys <folder>] [--gateway <url>] [--revocations <file>] [--at <instant>]`
 * checks a certificate file (`{"document": …, "seal": "…"}`, as a department's mutation answers
 * it) without asking any department: the seal against the issuers' published keys, saved in
 * `--keys` (one `<department>.json` per department, as downloaded from the gateway's
 * /.well-known/seals/) or fetched from `--gateway`; expiry as of now or `--at`; and, with
 * `--revocations` (a saved `npm run certificate:revoke -- --list` answer), revocation.
 * Exit 0: valid; 1: not valid (the reason is printed); 2: the question itself is wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyCertificateSeal, type PublishedSealKeys } from '../core/certificates/index.js';
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

let certificate: { document?: unknown; seal?: unknown };
try {
  certificate = JSON.parse(readFileSync(file, 'utf8')) as { document?: unknown; seal?: unknown };
} catch (error) {
  fail(`cannot read ${file} as JSON: ${(error as Error).message}`);
}

const keySets: Record<string, PublishedSealKeys> = {};
if (values.keys) {
  if (!existsSync(values.keys)) fail(`no folder ${values.keys}`);
  for (const name of readdirSync(values.keys).filter((entry) => entry.endsWith('.json'))) {
    keySets[basename(name, '.json')] = JSON.parse(readFileSync(join(values.keys, name), 'utf8')) as PublishedSealKeys;
  }
} else {
  const base = values.gateway!.replace(/\/+$/, '');
  for (const department of DEPARTMENT_NAMES) {
    const response = await fetch(`${base}/.well-known/seals/${department}.json`).catch((error: unknown) =>
      fail(`cannot reach ${base}: ${(error as Error).message}`),
    );
    if (response.ok) keySets[department] = (await response.json()) as PublishedSealKeys;
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
