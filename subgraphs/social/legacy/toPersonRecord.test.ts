import { describe, expect, it } from 'vitest';
import { MAX_ADDRESS_LENGTH } from './legacyValues.js';
import { ryxxSchema, toPersonRecord } from './toPersonRecord.js';

// A hand-written legacy record: these tests pin the translation rules, the mock's real answers
// are checked against the data set in socialClient.test.ts.
const insured = {
  sfzhm: '11010519491231002x',
  xm: '王芳',
  xb: '2',
  csrq: '19491231',
  lxdh: '13800138000',
  jzdz: '浙江省杭州市西湖区文三路1号',
  grbh: 'GR11010500000001',
  cbzt: '2',
  dwbh: '',
  jfjs: '8000.00',
  ylzhye: '123456.78',
  yibzhye: '0.05',
};
const {
  grbh: _grbh,
  cbzt: _cbzt,
  dwbh: _dwbh,
  jfjs: _jfjs,
  ylzhye: _ylzhye,
  yibzhye: _yibzhye,
  ...uninsured
} = insured;

describe('toPersonRecord', () => {
  it('translates codes, dates and amounts into the graph record', () => {
    expect(toPersonRecord(ryxxSchema.parse(insured))).toEqual({
      id: '11010519491231002X',
      name: '王芳',
      gender: 'FEMALE',
      birthDate: '1949-12-31',
      phone: '13800138000',
      address: '浙江省杭州市西湖区文三路1号',
      account: {
        personId: '11010519491231002X',
        accountNumber: 'GR11010500000001',
        status: 'SUSPENDED',
        employerUscc: null,
        contributionBase: '8000.00',
        pensionBalance: '123456.78',
        medicalBalance: '0.05',
      },
    });
  });

  it("reads the employer's USCC from dwbh", () => {
    expect(toPersonRecord(ryxxSchema.parse({ ...insured, dwbh: '91350100m000100y43' })).account?.employerUscc).toBe(
      '91350100M000100Y43',
    );
  });

  it('gives a resident without account fields account null, keeping the contact details', () => {
    expect(toPersonRecord(ryxxSchema.parse(uninsured))).toMatchObject({
      phone: '13800138000',
      address: '浙江省杭州市西湖区文三路1号',
      account: null,
    });
  });

  it('gives phone and address null when the bureau sends none', () => {
    const { lxdh: _lxdh, jzdz: _jzdz, ...withoutContact } = insured;
    expect(toPersonRecord(ryxxSchema.parse(withoutContact))).toMatchObject({ phone: null, address: null });
  });

  it('takes an address of exactly MAX_ADDRESS_LENGTH characters', () => {
    const longest = '路'.repeat(MAX_ADDRESS_LENGTH);
    expect(toPersonRecord(ryxxSchema.parse({ ...insured, jzdz: longest })).address).toBe(longest);
  });

  it.each([
    ['a half-filled account', { ...uninsured, grbh: 'GR1' }],
    ['an unknown gender code', { ...insured, xb: '0' }],
    ['an unknown status code', { ...insured, cbzt: '4' }],
    ['an impossible birth date', { ...insured, csrq: '19490231' }],
    ['an amount as a float', { ...insured, jfjs: '8000.5' }],
    ['a resident ID with a wrong check digit', { ...insured, sfzhm: '110105194912310021' }],
    ['a missing name', { ...insured, xm: '' }],
    ['an employer that is no USCC', { ...insured, dwbh: 'DW0001' }],
    ['a phone with 10 digits', { ...insured, lxdh: '1380013800' }],
    ['a phone not starting with 1', { ...insured, lxdh: '05718888888' }],
    ['a phone with a separator', { ...insured, lxdh: '138-0013-800' }],
    ['a malformed phone of a resident never insured', { ...uninsured, lxdh: '+8613800138000' }],
    ['an empty address', { ...insured, jzdz: '' }],
    ['an address over the maximum', { ...insured, jzdz: '路'.repeat(MAX_ADDRESS_LENGTH + 1) }],
  ])('refuses %s', (_name, ryxx) => {
    expect(ryxxSchema.safeParse(ryxx).success).toBe(false);
  });
});
