import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CERTIFICATE_FORMAT,
  CertificateFormatError,
  parseCertificateFile,
  type CertificateDocument,
} from './CertificateDocument.js';
import { parseStrictJson, StrictJsonError } from './parseStrictJson.js';
import { sealCertificate } from './sealCertificate.js';
import {
  readActiveSealKey,
  readPublishedSealKeySets,
  retireSealKey,
  rotateSealKey,
  type PublishedSealKeys,
} from './sealKeys.js';
import { verifyCertificateSeal } from './verifyCertificateSeal.js';

let directory: string;
const keySets = (): Record<string, PublishedSealKeys> => readPublishedSealKeySets(['tax', 'social'], directory);

function taxClearance(overrides: Partial<CertificateDocument> = {}): CertificateDocument {
  return {
    format: CERTIFICATE_FORMAT,
    serial: `tax-20261130-${Math.random().toString(16).slice(2, 12).toUpperCase()}`,
    type: 'tax-clearance',
    title: 'Tax clearance certificate',
    issuer: { department: 'tax', name: 'The tax bureau' },
    subject: { kind: 'COMPANY', id: '91330106MA2H2X4K0B' },
    facts: { asOf: '2026-11-30', arrears: '0.00', clear: true },
    issuedAt: '2026-11-30T03:00:00Z',
    validUntil: '2026-12-30T03:00:00Z',
    verification: 'http://127.0.0.1:4000/certificates/verify',
    ...overrides,
  };
}

const NOW = new Date('2026-12-01T00:00:00Z');

async function sealAsTax(document: CertificateDocument) {
  return { document, seal: await sealCertificate(document, await readActiveSealKey('tax', { directory })) };
}

describe('a sealed certificate', () => {
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'seals-'));
    await rotateSealKey('tax', directory);
    await rotateSealKey('social', directory);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('verifies with the issuer’s published keys, however the holder saved the JSON', async () => {
    const { document, seal } = await sealAsTax(taxClearance());
    const verdict = await verifyCertificateSeal({ document, seal }, { keySets: keySets(), now: NOW });
    expect(verdict).toMatchObject({ valid: true, document: { serial: document.serial } });
    // Pretty-printed with the keys in another order: the same canonical JSON, the same seal.
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(document).reverse()), null, 2);
    expect(await verifyCertificateSeal({ document: reordered, seal }, { keySets: keySets(), now: NOW })).toMatchObject({
      valid: true,
    });
  });

  it('is TAMPERED when one byte of a fact changes', async () => {
    const { document, seal } = await sealAsTax(taxClearance());
    const text = JSON.stringify(document).replace('"arrears":"0.00"', '"arrears":"0.01"');
    expect(text).not.toBe(JSON.stringify(document));
    const verdict = await verifyCertificateSeal({ document: text, seal }, { keySets: keySets(), now: NOW });
    expect(verdict).toMatchObject({ valid: false, reason: 'TAMPERED' });
  });

  it('is EXPIRED after its validity, and REVOKED when its issuer revoked the serial', async () => {
    const { document, seal } = await sealAsTax(taxClearance({ validUntil: '2026-11-30T12:00:00Z' }));
    expect(await verifyCertificateSeal({ document, seal }, { keySets: keySets(), now: NOW })).toMatchObject({
      valid: false,
      reason: 'EXPIRED',
    });
    const current = await sealAsTax(taxClearance());
    const revoked = new Set([`tax/${current.document.serial}`]);
    const verdict = await verifyCertificateSeal(current, {
      keySets: keySets(),
      now: NOW,
      isRevoked: (department, serial) => revoked.has(`${department}/${serial}`),
    });
    expect(verdict).toMatchObject({ valid: false, reason: 'REVOKED' });
  });

  it('is WRONG_ISSUER when sealed with another department’s key', async () => {
    const document = taxClearance();
    const socialKey = await readActiveSealKey('social', { directory });
    // The social bureau's key cannot seal a tax certificate through the API; a forger signs by hand.
    const seal = await sealCertificate({ ...document, issuer: { department: 'social', name: 'x' } }, socialKey);
    const verdict = await verifyCertificateSeal({ document, seal }, { keySets: keySets(), now: NOW });
    expect(verdict).toMatchObject({ valid: false, reason: 'WRONG_ISSUER' });
  });

  it('stays valid after a rotation, and fails as RETIRED_KEY once its key is retired', async () => {
    const before = await sealAsTax(taxClearance());
    const old = (await readActiveSealKey('tax', { directory })).kid;
    const next = await rotateSealKey('tax', directory);
    expect(next.kid).not.toBe(old);
    expect(await verifyCertificateSeal(before, { keySets: keySets(), now: NOW })).toMatchObject({ valid: true });
    const after = await sealAsTax(taxClearance());
    expect(JSON.parse(Buffer.from(after.seal.split('.')[0]!, 'base64url').toString()).kid).toBe(next.kid);

    retireSealKey('tax', old, directory);
    expect(await verifyCertificateSeal(before, { keySets: keySets(), now: NOW })).toMatchObject({
      valid: false,
      reason: 'RETIRED_KEY',
    });
    expect(await verifyCertificateSeal(after, { keySets: keySets(), now: NOW })).toMatchObject({ valid: true });
    expect(() => retireSealKey('tax', next.kid, directory)).toThrow('rotate first');
  });

  it('is UNKNOWN_KEY when the key was never published, and MALFORMED for what is not a certificate', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'seals-elsewhere-'));
    try {
      await rotateSealKey('tax', elsewhere);
      const document = taxClearance();
      const seal = await sealCertificate(document, await readActiveSealKey('tax', { directory: elsewhere }));
      expect(await verifyCertificateSeal({ document, seal }, { keySets: keySets(), now: NOW })).toMatchObject({
        valid: false,
        reason: 'UNKNOWN_KEY',
      });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    for (const input of [
      { document: '{not json', seal: 'a..b' },
      { document: { ...taxClearance(), format: 'other/1' }, seal: 'a..b' },
      { document: taxClearance(), seal: 'not-a-seal' },
      { document: taxClearance(), seal: 42 },
    ]) {
      expect(await verifyCertificateSeal(input, { keySets: keySets(), now: NOW })).toMatchObject({
        valid: false,
        reason: 'MALFORMED',
      });
    }
  });

  it('is WRONG_ISSUER, never a throw, for an issuer no department of the registry is called', async () => {
    const taxKey = await readActiveSealKey('tax', { directory });
    for (const department of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'housing', '']) {
      // A forger's seal whose header names the same made-up issuer as the document.
      const document = taxClearance({ issuer: { department, name: 'x' } });
      const seal = await sealCertificate(document, { ...taxKey, department });
      for (const text of [JSON.stringify(document), document]) {
        const verdict = await verifyCertificateSeal({ document: text, seal }, { keySets: keySets(), now: NOW });
        expect(verdict, department).toMatchObject({ valid: false, reason: 'WRONG_ISSUER' });
      }
    }
  });

  it('is MALFORMED when a name occurs twice in one object, at any depth, however it is spelled', async () => {
    const { document, seal } = await sealAsTax(taxClearance());
    const text = JSON.stringify(document);
    const duplicated = [
      // A reader keeping the first "arrears" sees 100.00 owed; one keeping the last sees none.
      text.replace('"arrears":"0.00"', '"arrears":"100.00","arrears":"0.00"'),
      text.replace('{"format"', '{"serial":"tax-20261130-0000000000","format"'),
      text.replace('"department":"tax"', '"department":"social","depart\\u006dent":"tax"'),
    ];
    for (const variant of duplicated) {
      expect(JSON.parse(variant)).toEqual(JSON.parse(text));
      const verdict = await verifyCertificateSeal({ document: variant, seal }, { keySets: keySets(), now: NOW });
      expect(verdict, variant).toMatchObject({ valid: false, reason: 'MALFORMED' });
      // In a file, the document as its JSON text is read strictly when verified; as an object, with the file.
      const asText = parseCertificateFile(JSON.stringify({ document: variant, seal }));
      expect(await verifyCertificateSeal(asText, { keySets: keySets(), now: NOW })).toMatchObject({
        reason: 'MALFORMED',
      });
      expect(() => parseCertificateFile(`{"document":${variant},"seal":"${seal}"}`)).toThrow(CertificateFormatError);
    }
    // The same names in different objects, or a name inside a string, are not duplicates.
    expect(parseStrictJson('[{"a":1},{"a":2},{"b":{"a":3}},"\\"a\\":"]')).toEqual([
      { a: 1 },
      { a: 2 },
      { b: { a: 3 } },
      '"a":',
    ]);
    expect(() => parseStrictJson(`${'['.repeat(30_000)}${']'.repeat(30_000)}`)).toThrow(StrictJsonError);
    expect(await verifyCertificateSeal({ document: text, seal }, { keySets: keySets(), now: NOW })).toMatchObject({
      valid: true,
    });
  });
});
