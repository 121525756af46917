import type { IServices } from 'soap';
import type { CallStats, WriteStore } from '../common/index.js';
import type { DataSet } from '../data/index.js';
import { decideClaim } from './decideClaim.js';
import { countItems } from './readIdList.js';
import { fieldOf } from './fieldOf.js';
import { getClaim } from './getClaim.js';
import type { InsuranceOverlay } from './InsuranceOverlay.js';
import { openEmployerAccount } from './openEmployerAccount.js';
import { queryContributions } from './queryContributions.js';
import { queryEmployerAccounts } from './queryEmployerAccounts.js';
import { queryInsuredPersons } from './queryInsuredPersons.js';
import { socialFault } from './socialFault.js';
import { submitBenefitClaim } from './submitBenefitClaim.js';

/** What the bureau has written since the data set (InsuranceOverlay), with its write store and clock. */
export interface InsuranceWrites {
  overlay: InsuranceOverlay;
  writes: WriteStore;
  now(): Date;
}

type Operation = (request: unknown, dataSet: DataSet) => unknown;

/**
 * The WSDL's service and port with its operations. Each call that reaches an operation (past the
 * envelope and credentials checks) is counted with the items it asked for (1 for a single lookup
 * or a write), also when it is then refused for bad input: the bureau did the work of reading it.
 */
export function createInsuranceService(dataSet: DataSet, stats: CallStats, written: InsuranceWrites): IServices {
  const operation = (name: string, itemsOf: (request: unknown) => number, answer: Operation) =>
    guarded((request: unknown) => {
      stats.record(name, itemsOf(request));
      return answer(request, dataSet);
    });
  const context = { ...written, dataSet, stats };
  const queryClaim = getClaim(written.overlay);
  return {
    SocialInsuranceService: {
      SocialInsurancePort: {
        CxCbryxx: operation('CxCbryxx', (request) => countItems(fieldOf(request, 'sfzhm')), queryInsuredPersons),
        CxGrjfmx: operation('CxGrjfmx', () => 1, queryContributions),
        CxDwcbxx: operation(
          'CxDwcbxx',
          (request) => countItems(fieldOf(request, 'tyshxydm')),
          (request) => queryEmployerAccounts(request, dataSet, written.overlay),
        ),
        OpenEmployerAccount: guarded(openEmployerAccount(context)),
        SubmitBenefitClaim: guarded(submitBenefitClaim(context)),
        GetClaim: operation('GetClaim', () => 1, queryClaim),
        DecideClaim: guarded(decideClaim(context)),
      },
    },
  };
}

/** A bug in an operation must look like the bureau's own internal error, without a stack trace. */
function guarded(method: (request: unknown) => unknown): (request: unknown) => unknown {
  return (request) => {
    try {
      return method(request);
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'Fault' in error) throw error;
      throw socialFault('E9000');
    }
  };
}
