import type { IServices } from 'soap';
import type { CallStats } from '../common/index.js';
import type { DataSet } from '../data/index.js';
import { countItems } from './readIdList.js';
import { fieldOf } from './fieldOf.js';
import { queryContributions } from './queryContributions.js';
import { queryEmployerAccounts } from './queryEmployerAccounts.js';
import { queryInsuredPersons } from './queryInsuredPersons.js';
import { socialFault } from './socialFault.js';

type Operation = (request: unknown, dataSet: DataSet) => unknown;

/**
 * The WSDL's service and port with its three operations. Each call that reaches an operation
 * (past the envelope and credentials checks) is counted with the items it asked for, also when
 * it is then refused for bad input: the bureau did the work of reading it.
 */
export function createInsuranceService(dataSet: DataSet, stats: CallStats): IServices {
  const operation = (name: string, itemsOf: (request: unknown) => number, answer: Operation) => (request: unknown) => {
    stats.record(name, itemsOf(request));
    try {
      return answer(request, dataSet);
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'Fault' in error) throw error;
      // A bug here must look like the bureau's own internal error, without a stack trace.
      throw socialFault('E9000');
    }
  };
  return {
    SocialInsuranceService: {
      SocialInsurancePort: {
        CxCbryxx: operation('CxCbryxx', (request) => countItems(fieldOf(request, 'sfzhm')), queryInsuredPersons),
        CxGrjfmx: operation('CxGrjfmx', () => 1, queryContributions),
        CxDwcbxx: operation('CxDwcbxx', (request) => countItems(fieldOf(request, 'tyshxydm')), queryEmployerAccounts),
      },
    },
  };
}
