/**
 * `npm run bench:certificates`: how many certificates one core seals, and verifies, per second:
 * the same code the subgraphs and `verifyCertificate` run (canonical JSON, Ed25519 detached JWS,
 * key lookup by kid), one request after another on this single thread, with the seal keys in a
 * temporary folder. For comparison in the same run: the gateway's caller tokens (ES256 JWTs),
 * signed and verified the same way. Writes its section of bench/RESULTS.md (`-- --quick`: small
 * counts, nothing written).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import {
  CERTIFICATE_FORMAT,
  readActiveSealKey,
  readPublishedSealKeySets,
  rotateSealKey,
  sealCertificate,
  verifyCertificateSeal,
  type CertificateDocument,
} from '../core/certificates/index.js';
import { writeResultsSection } from './writeResultsSection.js';

const quick = process.argv.includes('--quick');
const COUNT = quick ? 300 : 5_000;

function document(serial: number): CertificateDocument {
  return {
    format: CERTIFICATE_FORMAT,
    serial: `tax-20261130-${String(serial).padStart(10, '0')}`,
    type: 'tax-clearance',
    title: 'Tax clearance certificate',
    issuer: { department: 'tax', name: 'The tax bureau' },
    subject: { kind: 'COMPANY', id: '91330106MA2H2X4K0B' },
    facts: {
      statement: 'As of 2026-11-30 the taxpayer owes no overdue tax to the tax bureau.',
      asOf: '2026-11-30',
      arrears: '0.00',
    },
    issuedAt: '2026-11-30T03:00:00Z',
    validUntil: '2026-12-30T03:00:00Z',
    verification: 'http://127.0.0.1:4000/certificates/verify',
  };
}

async function perSecond(count: number, work: (index: number) => Promise<unknown>): Promise<number> {
  for (let index = 0; index < Math.min(100, count); index++) await work(index); // warm-up
  const started = performance.now();
  for (let index = 0; index < count; index++) await work(index);
  return count / ((performance.now() - started) / 1000);
}

const folder = mkdtempSync(join(tmpdir(), 'bench-seals-'));
try {
  await rotateSealKey('tax', folder);
  const key = await readActiveSealKey('tax', { directory: folder });
  const keySets = readPublishedSealKeySets(['market', 'tax', 'social'], folder);
  const documents = Array.from({ length: COUNT }, (_, index) => document(index));
  const seals: string[] = new Array(COUNT);

  const sealing = await perSecond(COUNT, async (index) => {
    seals[index] = await sealCertificate(documents[index]!, key);
    // What issuance adds to the seal: the document's hash for the register.
    createHash('sha256').update(JSON.stringify(documents[index])).digest('hex');
  });
  const verifying = await perSecond(COUNT, async (index) => {
    const verdict = await verifyCertificateSeal(
      { document: documents[index], seal: seals[index] },
      { keySets, now: new Date('2026-12-01T00:00:00Z') },
    );
    if (!verdict.valid) throw new Error(`bench certificate ${index} did not verify: ${verdict.message}`);
  });

  const tokenKeys = await generateKeyPair('ES256');
  const tokens: string[] = new Array(COUNT);
  const signingTokens = await perSecond(COUNT, async (index) => {
    tokens[index] = await new SignJWT({ kind: 'person' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(String(index))
      .setExpirationTime('1h')
      .sign(tokenKeys.privateKey);
  });
  const verifyingTokens = await perSecond(COUNT, (index) => jwtVerify(tokens[index]!, tokenKeys.publicKey));

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const rows = [
    `| seal a certificate (canonical JSON + EdDSA detached JWS) | ${Math.round(sealing)} | ${(1000 / sealing).toFixed(3)} |`,
    `| verify a certificate (parse, key by kid, canonical JSON, EdDSA) | ${Math.round(verifying)} | ${(1000 / verifying).toFixed(3)} |`,
    `| for comparison: sign a caller token (ES256 JWT) | ${Math.round(signingTokens)} | ${(1000 / signingTokens).toFixed(3)} |`,
    `| for comparison: verify a caller token (ES256 JWT) | ${Math.round(verifyingTokens)} | ${(1000 / verifyingTokens).toFixed(3)} |`,
  ];
  const body = [
    `Generated on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${COUNT} operations each, one after another on one thread (one core) of ${cpu}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)} (the machine is shared; compare within this table). Issuance through the graph adds the policy check, the department's legacy lookup and the register's write to the seal; verification through \`verifyCertificate\` adds reading the published keys and the revocation lookup.`,
    '',
    '| operation | per second per core | ms each |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (!quick) {
    writeResultsSection(
      new URL('RESULTS.md', import.meta.url).pathname,
      'Certificates: seals per second per core (`npm run bench:certificates`)',
      body,
      {
        name: 'certificates',
        command: 'npm run bench:certificates',
      },
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
