import { soapFault } from '../common/index.js';
import { REGISTRY_ERRORS, registryFaultString, type RegistryErrorCode } from './registryErrors.js';

/**
 * A fault for a service method to throw. SOAP 1.1 answers a fault with HTTP 500, but the `soap`
 * package sends a thrown fault with 200 unless the fault names a status, so it is added here.
 */
export function registryFault(code: RegistryErrorCode, detail?: string): { Fault: Record<string, unknown> } {
  const { Fault } = soapFault(REGISTRY_ERRORS[code].faultcode, code, registryFaultString(code, detail));
  return { Fault: { ...(Fault as Record<string, unknown>), statusCode: REGISTRY_ERRORS[code].status } };
}
