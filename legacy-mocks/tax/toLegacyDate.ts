/** YYYY-MM-DD (the data set) to yyyyMMdd, the date form of every tax system field. */
export function toLegacyDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}
