/** Starts the market subgraph alone: `npm run subgraph -- market`. */
import { departmentSettings } from '../../registry/departments.js';
import { runSubgraphMain } from '../kit/index.js';
import { startMarketSubgraph } from './server.js';

// Port, legacy URL and the variables overriding them: registry/departments.ts.
const { name, subgraphPortVariable, subgraphPort, legacy } = departmentSettings('market');
await runSubgraphMain(
  {
    department: name,
    portVariable: subgraphPortVariable,
    defaultPort: subgraphPort,
    legacyUrlVariable: legacy?.urlVariable,
    defaultLegacyUrl: legacy?.defaultUrl,
  },
  startMarketSubgraph,
);
