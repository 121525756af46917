/**
 * `npm run compose`: writes supergraph.graphql (what the gateway loads) and schema.graphql
 * (the public API schema integrators generate clients from) from the subgraphs' SDL files.
 */
import { writeFileSync } from 'node:fs';
import { composeSupergraph } from './composeSupergraph.js';
import { printApiSchema } from './toApiSchema.js';

const result = composeSupergraph();
if (!result.ok) {
  process.stderr.write(`Composition failed:\n${result.errors.map((line) => `  - ${line}`).join('\n')}\n`);
  process.exit(1);
}
writeFileSync(new URL('../supergraph.graphql', import.meta.url), result.supergraphSdl);
writeFileSync(new URL('../schema.graphql', import.meta.url), printApiSchema(result.supergraphSdl));
process.stdout.write('supergraph.graphql and schema.graphql written\n');
