/** The five contenders of issue 7 in the order the tables show them (ratios are to the first). */
import type { Contender } from './Contender.js';
import { directLegacy } from './directLegacy.js';
import { hiveGateway } from './hiveGateway.js';
import { ourGateway, ourGatewayWithoutProtections } from './ourGateway.js';
import { stockApolloGateway } from './stockApolloGateway.js';

export type { Contender, ContenderContext, LoadRequest, RunningContender } from './Contender.js';

export const CONTENDERS: readonly Contender[] = [
  ourGateway,
  ourGatewayWithoutProtections,
  stockApolloGateway,
  hiveGateway,
  directLegacy,
];
