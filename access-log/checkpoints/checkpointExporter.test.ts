import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearerTokenFile } from './checkpointExporter.js';

// Deliveries to a real store on loopback: test/abuse/checkpoints.test.ts ("the export off the host").
const TOKEN = 'tok-3f9a1c77e2';

describe('the export token file', () => {
  let folder: string;
  beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'export-token-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('is read at once and again for each delivery, so a rotated token is used', () => {
    const file = join(folder, 'token');
    writeFileSync(file, `${TOKEN}\n`);
    const read = bearerTokenFile(file);
    expect(read()).toBe(TOKEN);
    writeFileSync(file, 'tok-rotated');
    expect(read()).toBe('tok-rotated');
  });

  it('refuses a missing or empty file, naming the file and never a token', () => {
    expect(() => bearerTokenFile(join(folder, 'missing'))).toThrow(/cannot be read \(ENOENT\)/);
    const file = join(folder, 'token');
    writeFileSync(file, '  \n');
    expect(() => bearerTokenFile(file)).toThrow(/must hold one token on one line/);
    writeFileSync(file, `${TOKEN} second-part`);
    expect(() => bearerTokenFile(file)).toThrow(/^(?!.*tok-3f9a).*one token on one line/);
  });
});
