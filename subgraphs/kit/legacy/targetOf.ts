/** Where one request goes, as `http.request` takes it. */
export interface LegacyTarget {
  secure: boolean;
  host: string;
  port: number;
  /** The path with its query. */
  path: string;
}

/** Parsed roots and endpoints: a legacy client calls the same few URLs all day, so each is parsed once. */
const parsed = new Map<string, Omit<LegacyTarget, 'path'> & { path: string }>();
/** A client names a handful of URLs; a bound keeps a caller that builds URLs from data from growing this. */
const PARSED_MAXIMUM = 256;

/**
 * The target of `url` (absolute, or relative to `baseURL`) with `params` as its query: entries
 * that are undefined or null are left out, the rest written with encodeURIComponent, as axios
 * writes a flat query.
 */
export function targetOf(url: string, baseURL: string | undefined, params: unknown): LegacyTarget {
  const full =
    /^https?:\/\//i.test(url) || !baseURL ? url : `${baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
  let target = parsed.get(full);
  if (!target) {
    const location = new URL(full);
    const secure = location.protocol === 'https:';
    target = {
      secure,
      host: location.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: location.port === '' ? (secure ? 443 : 80) : Number(location.port),
      path: `${location.pathname}${location.search}`,
    };
    if (parsed.size >= PARSED_MAXIMUM) parsed.clear();
    parsed.set(full, target);
  }
  const query = queryOf(params);
  if (query === '') return target;
  return { ...target, path: `${target.path}${target.path.includes('?') ? '&' : '?'}${query}` };
}

function queryOf(params: unknown): string {
  if (typeof params !== 'object' || params === null) return '';
  let query = '';
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const text =
      value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
    query += `${query === '' ? '' : '&'}${encodeURIComponent(name)}=${encodeURIComponent(text)}`;
  }
  return query;
}
