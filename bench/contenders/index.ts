/**
 * The five contenders of issue 7 in the order the tables show them (ratios are to the first), and
 * a sixth: contender 1 before the last change acted on, so before and after share one run.
 */
import type { Contender } from './Contender.js';
import { directLegacy } from './directLegacy.js';
import { hiveGateway } from './hiveGateway.js';
import { ourGateway, ourGatewayBefore, ourGatewayWithoutProtections } from './ourGateway.js';
import { stockApolloGateway } from './stockApolloGateway.js';

export type { Contender, ContenderContext, LoadRequest, RunningContender } from './Contender.js';

export const CONTENDERS: readonly Contender[] = [
  ourGateway,
  ourGatewayWithoutProtections,
  stockApolloGateway,
  hiveGateway,
  directLegacy,
  ourGatewayBefore,
];
