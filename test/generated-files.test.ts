import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';
import { composeSupergraph } from '../gateway/composeSupergraph.js';
import { printApiSchema } from '../gateway/toApiSchema.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('committed generated files', () => {
  it('supergraph.graphql and schema.graphql match the subgraph schemas (run `npm run compose`)', () => {
    const result = composeSupergraph();
    if (!result.ok) throw new Error(`composition failed:\n${result.errors.join('\n')}`);
    expect(read('supergraph.graphql'), 'supergraph.graphql is stale: run `npm run compose`').toBe(result.supergraphSdl);
    expect(read('schema.graphql'), 'schema.graphql is stale: run `npm run compose`').toBe(
      printApiSchema(result.supergraphSdl),
    );
  });

  it('generated/ folders match codegen.ts (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...config, silent: true }, false);
    // One output per key, and several for a preset (the client preset writes a folder).
    expect(outputs.length).toBeGreaterThanOrEqual(Object.keys(config.generates).length);
    for (const output of outputs) {
      expect(read(output.filename), `${output.filename} is stale: run \`npm run codegen\``).toBe(output.content);
    }
  });
});
