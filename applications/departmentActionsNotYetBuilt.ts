import type { DepartmentActions } from './engine/DepartmentActions.js';

/**
 * The departments' mutations (issue 22, part 2) are not built yet, so the applications process
 * has no way to make a department act: every action is unavailable, saying why. An application
 * started meanwhile waits (WAITING, with this reason) and is asked again with backoff, as for a
 * department that is down. Replaced by the adapter over the subgraphs' mutations in part 2.
 */
export const departmentActionsNotYetBuilt: DepartmentActions = {
  async perform(department, action) {
    return {
      outcome: 'unavailable',
      reason: `The ${department} department's ${action} is not connected yet.`,
    };
  },
};
