/** Starts the platform subgraph (the access log) alone: `npm run subgraph -- platform`. */
import { departmentSettings } from '../../registry/departments.js';
import { runSubgraphMain } from '../kit/index.js';
import { startPlatformSubgraph } from './server.js';

// Port and the variable overriding it: registry/departments.ts (the platform has no legacy system).
const { name, subgraphPortVariable, subgraphPort } = departmentSettings('platform');
// The city data centre owns the log: it signs and exports the checkpoints of every chain.
await runSubgraphMain(
  { department: name, portVariable: subgraphPortVariable, defaultPort: subgraphPort, checkpoints: true },
  startPlatformSubgraph,
);
