/** Starts the platform subgraph (the access log) alone: `npm run subgraph:platform`. */
import { runSubgraphMain } from '../kit/index.js';
import { startPlatformSubgraph } from './server.js';

await runSubgraphMain({ department: 'platform', portVariable: 'PLATFORM_SUBGRAPH_PORT', defaultPort: 4004 }, startPlatformSubgraph);
