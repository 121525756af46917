/** Starts the market subgraph alone: `npm run subgraph:market`. */
import { runSubgraphMain } from '../kit/index.js';
import { startMarketSubgraph } from './server.js';

await runSubgraphMain(
  { department: 'market', portVariable: 'MARKET_SUBGRAPH_PORT', defaultPort: 4001, legacyUrlVariable: 'MARKET_LEGACY_URL', defaultLegacyUrl: 'http://127.0.0.1:5001' },
  startMarketSubgraph,
);
