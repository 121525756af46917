/** Starts the tax subgraph alone: `npm run subgraph -- tax`. */
import { departmentSettings } from '../../registry/departments.js';
import { runSubgraphMain } from '../kit/index.js';
import { startTaxSubgraph } from './server.js';

// Port, legacy URL and the variables overriding them: registry/departments.ts.
const { name, subgraphPortVariable, subgraphPort, legacy } = departmentSettings('tax');
await runSubgraphMain(
  {
    department: name,
    portVariable: subgraphPortVariable,
    defaultPort: subgraphPort,
    legacyUrlVariable: legacy?.urlVariable,
    defaultLegacyUrl: legacy?.defaultUrl,
  },
  startTaxSubgraph,
);
