import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { optionalReason } from '../../kit/index.js';
import { toRegistrationRequest, toWanYuan } from './registrationInput.js';

const valid = {
  name: ' 杭州云栖数据科技有限公司 ',
  legalForm: '有限责任公司(自然人投资或控股)',
  registeredCapital: '500000.00',
  legalRepresentativeId: '11010519491231002x',
  address: '浙江省杭州市西湖区文三路 1 号',
  businessScope: '数据处理服务',
};

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? [error.extensions.code, error.extensions.argument] : error;
  }
  return 'no error';
}

describe('registerEnterprise input', () => {
  it('turns CNY into the registry’s 万元 exactly, trailing zeros dropped', () => {
    expect(toWanYuan('500000.00')).toBe('50');
    expect(toWanYuan('12345.67')).toBe('1.234567');
    expect(toWanYuan('0.01')).toBe('0.000001');
  });

  it('trims the texts and canonicalises the representative', () => {
    expect(toRegistrationRequest(valid)).toMatchObject({
      name: '杭州云栖数据科技有限公司',
      capitalInWanYuan: '50',
      legalRepresentativeId: '11010519491231002X',
    });
  });

  it('refuses each bad argument with BAD_USER_INPUT naming it', () => {
    expect(codeOf(() => toRegistrationRequest({ ...valid, name: '  ' }))).toEqual(['BAD_USER_INPUT', 'name']);
    expect(codeOf(() => toRegistrationRequest({ ...valid, registeredCapital: '0.00' }))).toEqual([
      'BAD_USER_INPUT',
      'registeredCapital',
    ]);
    expect(codeOf(() => toRegistrationRequest({ ...valid, registeredCapital: '-5.00' }))).toEqual([
      'BAD_USER_INPUT',
      'registeredCapital',
    ]);
    expect(codeOf(() => toRegistrationRequest({ ...valid, legalRepresentativeId: '110105194912310021' }))).toEqual([
      'BAD_USER_INPUT',
      'legalRepresentativeId',
    ]);
    expect(codeOf(() => toRegistrationRequest({ ...valid, address: 'x'.repeat(201) }))).toEqual([
      'BAD_USER_INPUT',
      'address',
    ]);
    expect(codeOf(() => optionalReason('y'.repeat(201)))).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(optionalReason('  ')).toBeNull();
  });
});
