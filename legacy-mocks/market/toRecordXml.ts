/**
 * One registry record as the XML the `soap` package would write for it inside a response:
 * unprefixed child elements in the WSDL's field order (the response element declares the
 * default namespace, and the schema is elementFormDefault="qualified"), values escaped.
 * The records never change, so the registry serialises each once at start rather than per call.
 */
export function toRecordXml(element: string, record: object): string {
  let xml = `<${element}>`;
  for (const [field, value] of Object.entries(record)) xml += `<${field}>${escapeXml(String(value))}</${field}>`;
  return `${xml}</${element}>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ENTITIES[character]!);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};
