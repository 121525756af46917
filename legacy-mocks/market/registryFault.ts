import { soapFault } from '../common/index.js';
import { REGISTRY_ERRORS, registryFaultString, type RegistryErrorCode } from './registryErrors.js';

/**
 * A fault for a service method to throw, with the HTTP status of the registry's error table
 * (500 for faults, as SOAP 1.1 requires; 413 for an oversized body).
 */
export function registryFault(code: RegistryErrorCode, detail?: string): { Fault: Record<string, unknown> } {
  return soapFault(
    REGISTRY_ERRORS[code].faultcode,
    code,
    registryFaultString(code, detail),
    REGISTRY_ERRORS[code].status,
  );
}
