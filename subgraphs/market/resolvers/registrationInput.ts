import { assertValidResidentId, badUserInput, isDecimal, requiredText } from '../../kit/index.js';
import type { EnterpriseRegistrationRequest } from '../legacy/index.js';

/** The registry's own bounds (legacy-mocks/market/README.md, "Registration"), checked here so nothing malformed is sent. */
const MAX_NAME = 100;
const MAX_ADDRESS = 200;
const MAX_SCOPE = 1000;

/**
 * CNY with two decimals ("500000.00") to the registry's 万元 (10,000 CNY), trailing zeros dropped
 * ("50"): exact, with BigInt, as every amount of money here. Refuses zero and negative amounts.
 */
export function toWanYuan(capital: string): string {
  if (!isDecimal(capital) || capital.startsWith('-')) throw badUserInput('registeredCapital', 'it must be more than 0');
  const fen = BigInt(capital.replace('.', ''));
  if (fen === 0n) throw badUserInput('registeredCapital', 'it must be more than 0');
  const whole = fen / 1_000_000n;
  const fraction = (fen % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole}` : `${whole}.${fraction}`;
}

/** registerEnterprise's arguments checked and put in the registry's terms, before any call. */
export function toRegistrationRequest(args: {
  name: string;
  legalForm: string;
  registeredCapital: string;
  legalRepresentativeId: string;
  address: string;
  businessScope: string;
}): EnterpriseRegistrationRequest {
  return {
    name: requiredText(args.name, 'name', MAX_NAME),
    legalForm: requiredText(args.legalForm, 'legalForm', MAX_NAME),
    capitalInWanYuan: toWanYuan(args.registeredCapital),
    legalRepresentativeId: assertValidResidentId(args.legalRepresentativeId, 'legalRepresentativeId'),
    address: requiredText(args.address, 'address', MAX_ADDRESS),
    businessScope: requiredText(args.businessScope, 'businessScope', MAX_SCOPE),
  };
}
