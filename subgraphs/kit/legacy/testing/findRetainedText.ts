/** More objects than a `soap` client holds (its WSDL, agents and sockets); the walk stops there rather than run away. */
const MAX_OBJECTS_WALKED = 200_000;

/**
 * The property paths under `root` whose string value contains `text`, for tests that prove a
 * long-lived client keeps no personal data after a call: every own property, enumerable or not,
 * getters left unread (they compute, they do not retain), each object once. Buffers are read as
 * UTF-8, since a socket's or a parser's leftovers would be kept there.
 */
export function findRetainedText(root: unknown, text: string): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const pending: Array<[unknown, string]> = [[root, '']];
  while (pending.length > 0 && seen.size < MAX_OBJECTS_WALKED) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(text)) found.push(path || '(root)');
      continue;
    }
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Buffer.isBuffer(value)) {
      if (value.toString('utf8').includes(text)) found.push(path);
      continue;
    }
    const entries: Iterable<[unknown, string]> =
      value instanceof Map
        ? [...value].map(([key, item]): [unknown, string] => [item, `${path}.get(${String(key)})`])
        : ownValues(value, path);
    for (const entry of entries) pending.push(entry);
  }
  if (pending.length > 0) throw new Error(`walked ${MAX_OBJECTS_WALKED} objects without reaching the end`);
  return found;
}

function ownValues(value: object, path: string): Array<[unknown, string]> {
  const values: Array<[unknown, string]> = [];
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) values.push([descriptor.value, `${path}.${String(key)}`]);
  }
  return values;
}
