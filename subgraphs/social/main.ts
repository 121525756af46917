/** Starts the social subgraph alone: `npm run subgraph:social`. */
import { runSubgraphMain } from '../kit/index.js';
import { startSocialSubgraph } from './server.js';

await runSubgraphMain(
  { department: 'social', portVariable: 'SOCIAL_SUBGRAPH_PORT', defaultPort: 4003, legacyUrlVariable: 'SOCIAL_LEGACY_URL', defaultLegacyUrl: 'http://127.0.0.1:5003' },
  startSocialSubgraph,
);
