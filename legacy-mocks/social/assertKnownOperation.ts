import { fieldOf } from './fieldOf.js';
import { socialFault } from './socialFault.js';

/** The request element of each operation, as the WSDL names them, and the operation's SOAPAction. */
const OPERATIONS = new Map([
  ['CxCbryxxRequest', 'CxCbryxx'],
  ['CxGrjfmxRequest', 'CxGrjfmx'],
  ['CxDwcbxxRequest', 'CxDwcbxx'],
  ['OpenEmployerAccountRequest', 'OpenEmployerAccount'],
  ['SubmitBenefitClaimRequest', 'SubmitBenefitClaim'],
  ['GetClaimRequest', 'GetClaim'],
  ['DecideClaimRequest', 'DecideClaim'],
]);
const ACTION_PREFIX = 'http://shbx.example/insurance/v1/';

/**
 * Refuses (E2001) an envelope whose Body does not hold exactly one request of a known operation,
 * or whose SOAPAction header names another operation (the soap package would dispatch on the
 * header and hand the wrong document to the operation). It runs before the credentials check, so
 * a caller sending the wrong document learns that rather than a misleading credentials fault.
 * Unknown elements the soap package cannot even parse become E2001 in createInsuranceHandler.
 */
export function assertKnownOperation(envelope: unknown, soapAction: unknown): void {
  const body = fieldOf(envelope, 'Body');
  if (typeof body !== 'object' || body === null) throw socialFault('E2001', 'the envelope has no soap:Body');
  const elements = Object.keys(body).filter((name) => name !== 'attributes');
  const operation = elements.length === 1 ? OPERATIONS.get(elements[0]!) : undefined;
  if (!operation) throw socialFault('E2001', 'the soap:Body must hold one request element');
  // SOAP 1.1 quotes the action; an empty one ("") means "see the body".
  const action = typeof soapAction === 'string' ? soapAction.replace(/^"(.*)"$/, '$1') : '';
  if (action !== '' && action !== ACTION_PREFIX + operation && action !== operation)
    throw socialFault('E2001', 'the SOAPAction names another operation');
}
