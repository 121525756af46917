/**
 * The day in China (UTC+8, no daylight saving) as yyyyMMdd: every department's system dates its
 * writes (acceptance, approval, registration) in local time, whatever the host's zone.
 */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
