import { describe, expect, it } from 'vitest';
import { applyMask } from './applyMask.js';
import { maskAddress } from './maskAddress.js';
import { maskIdNumber } from './maskIdNumber.js';
import { maskName } from './maskName.js';
import { maskPhone } from './maskPhone.js';

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('drops separators and keeps one * per hidden digit', () => {
    expect(maskPhone('0571-8888 6666')).toBe('057*****6666');
  });
  it('hides a number too short to keep 7 digits entirely', () => {
    expect(maskPhone('110')).toBe('****');
    expect(maskPhone('1234567')).toBe('*******');
  });
});

describe('maskAddress', () => {
  it('keeps province, city and district', () => {
    expect(maskAddress('浙江省杭州市西湖区文三路478号华星时代广场A座1201室')).toBe('浙江省杭州市西湖区****');
  });
  it('keeps a municipality and its district', () => {
    expect(maskAddress('北京市朝阳区建国路88号院3号楼')).toBe('北京市朝阳区****');
  });
  it('keeps a county or county-level city after the city', () => {
    expect(maskAddress('浙江省金华市义乌市稠城街道工人北路1号')).toBe('浙江省金华市义乌市****');
    expect(maskAddress('浙江省杭州市桐庐县城南街道1号')).toBe('浙江省杭州市桐庐县****');
  });
  it('reads autonomous regions and prefectures', () => {
    expect(maskAddress('广西壮族自治区南宁市青秀区民族大道100号')).toBe('广西壮族自治区南宁市青秀区****');
    expect(maskAddress('湖北省恩施土家族苗族自治州恩施市舞阳大街1号')).toBe('湖北省恩施土家族苗族自治州恩施市****');
  });
  it('does not take a housing estate (小区) for a district', () => {
    expect(maskAddress('上海市长宁路1号某某小区3幢')).toBe('上海市****');
  });
  it('hides an address it cannot read entirely', () => {
    expect(maskAddress('Room 5, 12 Baker Street')).toBe('****');
  });
});

describe('maskName', () => {
  it('keeps the first character, one * per hidden character', () => {
    expect(maskName('谢小明')).toBe('谢**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
  it('hides a one-character name entirely', () => {
    expect(maskName('谢')).toBe('*');
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last 4 characters', () => {
    expect(maskIdNumber('330106199001014641')).toBe('330106********4641');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
  it('hides anything too short to keep 10 characters', () => {
    expect(maskIdNumber('12345')).toBe('*****');
  });
});

describe('applyMask', () => {
  it('leaves null as null', () => {
    expect(applyMask(null, 'phone')).toBeNull();
    expect(applyMask(undefined, 'phone')).toBeNull();
  });
  it('masks lists item by item, keeping nulls', () => {
    expect(applyMask(['13812345678', null, '13900001111'], 'phone')).toEqual(['138****5678', null, '139****1111']);
  });
  it('masks a number as its digits', () => {
    expect(applyMask(13812345678, 'phone')).toBe('138****5678');
  });
  it('withholds a value it cannot mask (an object) rather than show it', () => {
    expect(applyMask({ street: '文三路' }, 'address')).toBeNull();
  });
});
