import { WSDL } from 'soap';
import type { RegistryErrorCode } from './registryErrors.js';
import { operationOfRequestElement, soapActionOf } from './registryOperations.js';

export interface EnvelopeProblem {
  code: RegistryErrorCode;
  detail: string;
}

/**
 * Checks a request envelope before the `soap` package sees it. The package answers XML it
 * cannot parse, or an envelope naming no operation, with a 500 carrying a JavaScript stack or
 * exception text; the real registry answers those with fault E1000, and so does the mock.
 * The check parses with the package's own parser, over the same WSDL, so both agree.
 */
export async function createEnvelopeCheck(
  wsdlXml: string,
): Promise<(xml: string, soapAction: string | undefined) => EnvelopeProblem | null> {
  const wsdl = new WSDL(wsdlXml, 'registry.wsdl', {});
  await new Promise<void>((resolve, reject) => wsdl.onReady((error) => (error ? reject(error) : resolve())));

  return (xml, soapAction) => {
    let parsed: unknown;
    try {
      parsed = wsdl.xmlToObject(xml);
    } catch {
      return { code: 'E1000', detail: 'the body is not a well-formed SOAP envelope' };
    }
    const body = isRecord(parsed) && isRecord(parsed.Body) ? parsed.Body : null;
    if (!body) return { code: 'E1000', detail: 'the body is not a SOAP 1.1 envelope with a soap:Body' };
    const elements = Object.keys(body).filter((key) => key !== 'attributes');
    if (elements.length !== 1) return { code: 'E1000', detail: 'soap:Body must hold exactly one request element' };
    const operation = operationOfRequestElement(elements[0]!);
    if (!operation) return { code: 'E1000', detail: 'soap:Body holds no request element of this service (see ?wsdl)' };
    // An empty SOAPAction ("") is common and allowed; a different one would dispatch elsewhere.
    const action = soapAction?.replace(/^"|"$/g, '') ?? '';
    if (action !== '' && action !== soapActionOf(operation) && action !== operation) {
      return { code: 'E1000', detail: 'the SOAPAction header does not match the request element' };
    }
    return null;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
