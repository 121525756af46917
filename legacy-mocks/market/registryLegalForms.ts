/**
 * 企业类型 the registry accepts on a registration (its code table, in its own words): the forms of
 * the data set's enterprises and the other common forms of a private enterprise. Anything else is
 * fault E2003.
 */
export const REGISTRY_LEGAL_FORMS: readonly string[] = Object.freeze([
  '有限责任公司(自然人投资或控股)',
  '有限责任公司(自然人独资)',
  '有限责任公司(法人独资)',
  '股份有限公司(非上市、自然人投资或控股)',
  '有限合伙企业',
  '个人独资企业',
]);
