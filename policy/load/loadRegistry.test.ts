import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../testing/policyFixtures.js';
import { loadRegistry } from './loadRegistry.js';

const folder = tempFolder();
afterAll(() => folder.remove());
let counter = 0;
const load = (yaml: string) => loadRegistry(folder.write(`roles-${++counter}.yaml`, yaml));

describe('loadRegistry', () => {
  it('reads roles and purposes with their descriptions', () => {
    const result = load('roles:\n  tax-officer: Tax bureau staff.\npurposes:\n  tax-audit: Auditing a taxpayer.\n');
    expect(result.ok && [...result.registry.roles]).toEqual([['tax-officer', 'Tax bureau staff.']]);
    expect(result.ok && [...result.registry.purposes]).toEqual([['tax-audit', 'Auditing a taxpayer.']]);
  });

  it('reports unknown sections, bad names, missing descriptions and missing sections, with positions', () => {
    const result = load('roles:\n  Tax_Officer: Staff.\n  tax-officer:\npurpose:\n  tax-audit: Auditing.\n');
    expect(!result.ok && result.problems.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      { line: 1, column: 1, message: 'The registry has no `purposes:` section.' },
      {
        line: 2,
        column: 3,
        message: "The role name 'Tax_Officer' must be lower-case words joined by hyphens, e.g. tax-officer.",
      },
      { line: 3, column: 3, message: "The role 'tax-officer' needs a one-line description." },
      {
        line: 4,
        column: 1,
        message:
          "Unknown key 'purpose' in the registry: it has only `roles:` and `purposes:`. Did you mean 'purposes'?",
      },
    ]);
  });
});
