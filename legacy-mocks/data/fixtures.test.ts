import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDataSet } from './generateDataSet.js';

describe('FIXTURES.md', () => {
  it('lists every fixture with its current value', () => {
    const documented = readFileSync(new URL('./FIXTURES.md', import.meta.url), 'utf8');
    const { companyWithShareholders, ...named } = generateDataSet().fixtures;
    for (const [name, value] of Object.entries(named)) expect(documented).toContain(`| \`${name}\` | \`${value}\` |`);
    for (const [size, value] of Object.entries(companyWithShareholders)) expect(documented).toContain(`| \`companyWithShareholders[${size}]\` | \`${value}\` |`);
  });
});
