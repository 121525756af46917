import { GraphQLError } from 'graphql';
import type { Department, UnavailableReason } from '../../../core/errors.js';

/** The reason of a DEPARTMENT_UNAVAILABLE error for this department, or null for any other error. */
export function unavailableReasonOf(error: unknown, department: Department): UnavailableReason | null {
  if (!(error instanceof GraphQLError)) return null;
  const { code, department: named, reason } = error.extensions;
  return code === 'DEPARTMENT_UNAVAILABLE' && named === department && typeof reason === 'string'
    ? (reason as UnavailableReason)
    : null;
}
