/**
 * The registry's operations as registry.wsdl declares them: the request element each one takes
 * and its SOAPAction. The WSDL is the contract; this table lets the request guard dispatch-check
 * an envelope without the `soap` package's internals.
 */
export const REGISTRY_NAMESPACE = 'http://qydj.scjgj.hangzhou.gov.cn/ws/registry';

export const REGISTRY_OPERATIONS = [
  'queryQyjbxx',
  'searchQyjbxx',
  'queryQyjbxxByFddbr',
  'queryGdxx',
  'queryDwtzxx',
  // 设立登记 (registration of a new enterprise): the writes, each idempotent by its qqlsh.
  'RegisterEnterprise',
  'ApproveRegistration',
  'RejectRegistration',
  'WithdrawRegistration',
] as const;

export type RegistryOperation = (typeof REGISTRY_OPERATIONS)[number];

/** The operations that change the register, each idempotent by its qqlsh (createRegistryWrites.ts). */
export type RegistryWriteOperation = Extract<
  RegistryOperation,
  'RegisterEnterprise' | 'ApproveRegistration' | 'RejectRegistration' | 'WithdrawRegistration'
>;

/** The request element of each operation is its name with "Request" appended. */
export function operationOfRequestElement(element: string): RegistryOperation | null {
  const name = element.endsWith('Request') ? element.slice(0, -'Request'.length) : '';
  return (REGISTRY_OPERATIONS as readonly string[]).includes(name) ? (name as RegistryOperation) : null;
}

export function soapActionOf(operation: RegistryOperation): string {
  return `${REGISTRY_NAMESPACE}/${operation}`;
}
