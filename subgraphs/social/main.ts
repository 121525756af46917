/** Starts the social subgraph alone: `npm run subgraph -- social`. */
import { departmentSettings } from '../../registry/departments.js';
import { runSubgraphMain } from '../kit/index.js';
import { startSocialSubgraph } from './server.js';

// Port, legacy URL and the variables overriding them: registry/departments.ts.
const { name, subgraphPortVariable, subgraphPort, legacy } = departmentSettings('social');
await runSubgraphMain(
  {
    department: name,
    portVariable: subgraphPortVariable,
    defaultPort: subgraphPort,
    legacyUrlVariable: legacy?.urlVariable,
    defaultLegacyUrl: legacy?.defaultUrl,
  },
  startSocialSubgraph,
);
