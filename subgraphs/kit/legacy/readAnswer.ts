import { departmentUnavailable, isProductError, type Department } from '../../../core/errors.js';

/**
 * Reads a legacy answer (schema checks, translation into graph records) and guarantees that an
 * answer breaking its contract is the department's DEPARTMENT_UNAVAILABLE 'malformed', never a
 * crash: anything `read` throws that is not already a product error becomes one, with the
 * original as `cause`. Legacy answers arrive as `unknown` and go through here before use.
 */
export function readAnswer<T>(department: Department, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isProductError(error)) throw error;
    throw departmentUnavailable(department, 'malformed', error);
  }
}
