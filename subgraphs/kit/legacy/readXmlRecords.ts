/** The fixed shape of a large SOAP answer: a response element holding scalars and a run of flat records. */
export interface XmlRecordsShape {
  /** The response element, e.g. queryGdxxResponse (any namespace prefix). */
  answer: string;
  /** The repeated record element, e.g. gdxx; each holds only scalar child elements. */
  record: string;
}

/** What a fixed-shape answer held: its scalar children by name, and its records as field names to text. */
export interface XmlRecords {
  scalars: Record<string, string>;
  records: Array<Record<string, string>>;
}

/**
 * Reads a SOAP answer of fixed shape in one pass over its text, for the large answers that the
 * `soap` package's generic parser (a SAX pass building schema-typed objects) made expensive
 * (issue 23): the response element `shape.answer` anywhere in the envelope, its scalar
 * children, and its `shape.record` children, each a flat run of scalar elements, as text with
 * XML's entities decoded. Elements are read whatever their namespace prefix, attributes ignored.
 *
 * It reads what the legacy system's WSDL describes and nothing more: an answer of another shape
 * (no response element, a record holding an element, markup it does not read such as CDATA or
 * comments inside the answer) throws, and the department's readAnswer makes that 'malformed'.
 * A fault never reaches it: LegacySoapClient.callForXml hands faults to the `soap` package.
 */
export function readXmlRecords(xml: string, shape: XmlRecordsShape): XmlRecords {
  const { start, end } = answerBounds(xml, shape.answer);
  const scalars: Record<string, string> = {};
  const records: Array<Record<string, string>> = [];
  let record: Record<string, string> | null = null;
  /** The element whose text is being read, and where its text began. */
  let field: string | null = null;
  let textFrom = 0;
  let position = start;
  while (position < end) {
    const open = xml.indexOf('<', position);
    if (open === -1 || open >= end) {
      if (field !== null || xml.slice(position, end).trim() !== '') break;
      position = end;
      continue;
    }
    if (field === null && open > position && xml.slice(position, open).trim() !== '')
      throw new SyntaxError(`${shape.answer}: text outside a field at ${position}`);
    const close = xml.indexOf('>', open);
    if (close === -1 || close >= end) break;
    position = close + 1;
    const marker = xml.charCodeAt(open + 1);
    if (marker === BANG || marker === QUESTION) throw new SyntaxError(`${shape.answer}: unread markup at ${open}`);
    if (marker === SLASH) {
      const name = localName(xml.slice(open + 2, close).trimEnd());
      if (field === name) {
        (record ?? scalars)[field] = decodeEntities(xml.slice(textFrom, open));
        field = null;
      } else if (field === null && record !== null && name === shape.record) {
        records.push(record);
        record = null;
      } else throw new SyntaxError(`${shape.answer}: unexpected </${name}> at ${open}`);
      continue;
    }
    if (field !== null) throw new SyntaxError(`${shape.answer}: an element inside the field ${field} at ${open}`);
    const empty = xml.charCodeAt(close - 1) === SLASH;
    const name = localName(tagName(xml.slice(open + 1, empty ? close - 1 : close)));
    if (record === null && name === shape.record) {
      if (empty) records.push({});
      else record = {};
    } else if (empty) {
      (record ?? scalars)[name] = '';
    } else {
      field = name;
      textFrom = position;
    }
  }
  if (position < end || field !== null || record !== null) throw new SyntaxError(`${shape.answer}: cut short`);
  return { scalars, records };
}

const SLASH = '/'.charCodeAt(0);
const BANG = '!'.charCodeAt(0);
const QUESTION = '?'.charCodeAt(0);

/** A start tag's name, without its attributes (which follow white space). */
function tagName(tag: string): string {
  for (let index = 0; index < tag.length; index++) {
    const code = tag.charCodeAt(index);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) return tag.slice(0, index);
  }
  return tag;
}

/** A name without its namespace prefix. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** Where the response element's content begins and ends; it must be there, once, and closed. */
function answerBounds(xml: string, answer: string): { start: number; end: number } {
  const open = new RegExp(`<(?:([\\w.-]+):)?${answer}(?:\\s[^<>]*)?>`, 'g').exec(xml);
  if (!open) throw new SyntaxError(`the answer holds no ${answer}`);
  const closeTag = `</${open[1] ? `${open[1]}:` : ''}${answer}>`;
  const end = xml.indexOf(closeTag, open.index + open[0].length);
  if (end === -1) throw new SyntaxError(`${answer} is not closed`);
  return { start: open.index + open[0].length, end };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five named entities and character references; any other entity is not XML the system would send. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]+);/g, (match, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    const named = NAMED_ENTITIES[entity];
    if (named === undefined) throw new SyntaxError(`unknown entity ${match}`);
    return named;
  });
}
