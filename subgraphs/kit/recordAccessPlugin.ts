import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { AccessCollector } from './AccessCollector.js';
import type { AccessLogStore } from '../../access-log/index.js';
import type { Caller } from '../../core/caller.js';
import type { Department } from '../../core/errors.js';

interface RecordingContext extends BaseContext {
  requestId: string;
  correlationId: string | null;
  caller: Caller;
  access: AccessCollector;
}

/**
 * Writes the request's access-log entry before its answer leaves the subgraph (committed in a
 * group with other requests' entries); an entry of refusals only is written beside the answer,
 * since that answer carries nothing personal. No record, no data (DESIGN.md, "Access log"): if the log cannot be written, the answer
 * is replaced by an ACCESS_NOT_RECORDED error, so no personal field of this request is returned.
 */
export function recordAccessPlugin<TContext extends RecordingContext>(options: {
  department: Department;
  store: AccessLogStore;
  log(entry: Record<string, unknown>): void;
}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue.access.isEmpty) return;
          const entry = contextValue.access.entry({
            department: options.department,
            requestId: contextValue.requestId,
            correlationId: contextValue.correlationId,
            caller: contextValue.caller,
          });
          if (!contextValue.access.gavePersonalData) {
            // Refusals only: the answer holds nothing personal, so it need not wait for the record,
            // and the store folds this request's other refusals into the same security event.
            options.store.append(entry).catch((error: unknown) => {
              options.log({
                level: 'error',
                department: options.department,
                requestId: contextValue.requestId,
                msg: 'access log write failed: a security event (refusals) was not recorded',
                error: error instanceof Error ? error.name : typeof error,
              });
            });
            return;
          }
          try {
            await options.store.append(entry);
          } catch (error) {
            options.log({
              level: 'error',
              department: options.department,
              requestId: contextValue.requestId,
              msg: 'access log write failed: personal data withheld',
              error: error instanceof Error ? error.name : typeof error,
            });
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [
                  {
                    message: `The ${options.department} department could not record this access in the access log, so its personal data was withheld.`,
                    extensions: { code: 'ACCESS_NOT_RECORDED', department: options.department },
                  },
                ],
              };
            }
          }
        },
      };
    },
  };
}
