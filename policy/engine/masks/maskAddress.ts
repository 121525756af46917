/**
 * An address cut after its district (浙江省杭州市西湖区文三路 1 号 → 浙江省杭州市西湖区****):
 * where someone lives roughly, not where to find them. The province (省/自治区) is optional
 * (municipalities start with their city, 北京市); the city ends in 市/自治州/地区/盟; the district
 * is the first 区/县/市/旗 right after it. Anything that does not read as an address this way
 * keeps less, never more: the city alone, or nothing.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  const province = PROVINCE.exec(text)?.[0] ?? '';
  const afterProvince = text.slice(province.length);
  const city = CITY.exec(afterProvince)?.[0];
  if (!city) return HIDDEN;
  const district = DISTRICT.exec(afterProvince.slice(city.length))?.[0] ?? '';
  return `${province}${city}${district}${HIDDEN}`;
}

const HIDDEN = '****';
// Place names are a few Chinese characters; digits, 路 (road), 街, 巷, 弄, 村 or 号 mean a
// street has started, so a 区 after them (小区, a housing estate) is no district.
const PLACE = '[\\u4e00-\\u9fa5]';
const NOT_STREET = '(?![^省市区县旗]*?[路街巷弄村号])';
const PROVINCE = new RegExp(`^${PLACE}{2,8}?(?:省|自治区)`);
const CITY = new RegExp(`^${PLACE}{1,10}?(?:市|自治州|地区|盟)`);
const DISTRICT = new RegExp(`^${NOT_STREET}${PLACE}{1,8}?(?:区|县|市|旗)`);
