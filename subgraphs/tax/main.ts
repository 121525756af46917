/** Starts the tax subgraph alone: `npm run subgraph:tax`. */
import { runSubgraphMain } from '../kit/index.js';
import { startTaxSubgraph } from './server.js';

await runSubgraphMain(
  { department: 'tax', portVariable: 'TAX_SUBGRAPH_PORT', defaultPort: 4002, legacyUrlVariable: 'TAX_LEGACY_URL', defaultLegacyUrl: 'http://127.0.0.1:5002' },
  startTaxSubgraph,
);
