import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { redactPersonalData, redactText } from './redactPersonalData.js';

describe('redacting personal identifiers from logs', () => {
  it('masks resident IDs (with an X check digit too) and mobile numbers, keeping USCCs', () => {
    expect(redactText('subject 330106198204194641 and 11010519491231002x')).toBe(
      'subject 330106********4641 and 110105********002x',
    );
    expect(redactText('call 19675886282')).toBe('call 196****6282');
    expect(redactText('company 91330105KCNBGT44PG')).toBe('company 91330105KCNBGT44PG');
  });

  it('bounds a line however large what is logged: long strings, long lists and wide objects are cut', () => {
    const huge = redactPersonalData({
      errors: Array.from({ length: 60_000 }, () => 'FORBIDDEN'),
      text: '330106198204194641 '.repeat(10_000),
      wide: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
    });
    const line = JSON.stringify(huge);
    expect(line.length).toBeLessThan(4_000);
    expect(line).toContain('59980 more');
    expect(line).not.toContain('198204194');
  });

  it('walks nested objects, arrays and errors', () => {
    const redacted = redactPersonalData({
      a: ['330106198204194641'],
      b: { c: new Error('no person 330106198204194641') },
    });
    expect(JSON.stringify(redacted)).not.toContain('198204194');
  });

  it('leaves no unmasked ID in a logger line, in fields or in the message', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    process.env.LOG_LEVEL = 'info';
    const logger = createLogger('test', sink);
    logger.info({ subject: '330106198204194641', nested: { phone: '19675886282' } }, 'looked up 330106198204194641');
    delete process.env.LOG_LEVEL;
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/198204194|75886/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      service: 'test',
      level: 'info',
      subject: '330106********4641',
      msg: 'looked up 330106********4641',
    });
  });
});
