/** Objects and arrays a certificate nests at most (its facts hold lists of strings and plain objects). */
export const MAX_JSON_DEPTH = 32;

/** Why a text is not JSON a certificate may be read from; the message ("is not JSON", "has the name …") names the first problem. */
export class StrictJsonError extends Error {
  override readonly name = 'StrictJsonError';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * The value of a JSON text that means one thing to every reader: `JSON.parse` decides what is
 * JSON, then one linear scan over the text it accepted refuses a member name that occurs twice in
 * one object (at any depth; names compared decoded, so `"a"` and `"\u0061"` are one name) and
 * nesting deeper than MAX_JSON_DEPTH. RFC 8259 leaves duplicate names to each reader (the first
 * or the last wins), so a certificate with one would state other facts to another reader than to
 * its verifier (issue 20, finding 7). The scan is iterative, unlike a recursive-descent parser
 * (jsonc-parser, momoa), so a 64 KiB text of nested brackets cannot overflow the stack.
 */
export function parseStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StrictJsonError('is not JSON');
  }
  // One entry per open object (the names seen so far) or array (null).
  const open: (Set<string> | null)[] = [];
  let atName = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      let end = at + 1;
      while (end < text.length && text.charCodeAt(end) !== QUOTE) end += text.charCodeAt(end) === BACKSLASH ? 2 : 1;
      if (atName) {
        const name = JSON.parse(text.slice(at, end + 1)) as string;
        const names = open[open.length - 1]!;
        if (names.has(name))
          throw new StrictJsonError(`has the name ${JSON.stringify(name.slice(0, 40))} twice in one object`);
        names.add(name);
        atName = false;
      }
      at = end;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      open.push(code === OPEN_OBJECT ? new Set() : null);
      if (open.length > MAX_JSON_DEPTH) throw new StrictJsonError(`nests deeper than ${MAX_JSON_DEPTH} levels`);
      atName = code === OPEN_OBJECT;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      open.pop();
      atName = false;
    } else if (code === COMMA) {
      atName = open[open.length - 1] instanceof Set;
    }
  }
  return value;
}
