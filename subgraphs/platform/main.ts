/** Starts the platform subgraph (the access log) alone: `npm run subgraph:platform`. */
import { runSubgraphMain } from '../kit/index.js';
import { startPlatformSubgraph } from './server.js';

// The city data centre owns the log: it signs and exports the checkpoints of every chain.
await runSubgraphMain({ department: 'platform', portVariable: 'PLATFORM_SUBGRAPH_PORT', defaultPort: 4004, checkpoints: true }, startPlatformSubgraph);
