import type { CertificateDocument, FactValue } from '../core/certificates/index.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 46rem; color: #1d2733; line-height: 1.45; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } .issuer { color: #4a5868; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; } th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #d8dee6; }
  th { width: 13rem; font-weight: 600; } .seal { font-family: ui-monospace, monospace; font-size: .7rem; word-break: break-all; color: #4a5868; }
  .qr { float: right; width: 9rem; margin-left: 1rem; } .notice { padding: .6rem .8rem; border-radius: .3rem; background: #fff4d6; }
  .refused, .invalid { background: #fde2e1; } .valid { background: #dcf5e3; } textarea { width: 100%; height: 12rem; font-family: ui-monospace, monospace; }
  @media print { .no-print { display: none; } body { margin: 0; } }`;

/** `monthsPaid` → "Months paid": a fact's name as a reader expects it. */
const factLabel = (name: string) => {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function factText(value: FactValue): string {
  if (Array.isArray(value)) return value.map((item) => factText(item)).join(', ') || '(none)';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A sealed certificate as a printable page: the facts, the issuer, the seal, and a QR code to check it. */
export function renderCertificatePage(
  content:
    | { refused: string }
    | {
        document: CertificateDocument;
        seal: string;
        qr: string;
        address: string;
        expired: boolean;
        /** Whether the issuer's revocations were asked (and this one is not revoked); said in words when not. */
        revocationChecked: boolean;
      },
): string {
  if ('refused' in content) {
    return page(
      'Certificate not printed',
      `<h1>Certificate not printed</h1><p class="notice refused" role="alert">This file does not carry a valid seal: ${escape(content.refused)}.</p><p><a href="/certificates/verify">Check a certificate</a></p>`,
    );
  }
  const { document, seal, qr, address, expired, revocationChecked } = content;
  const facts = Object.entries(document.facts)
    .map(([name, value]) => `<tr><th>${escape(factLabel(name))}</th><td>${escape(factText(value))}</td></tr>`)
    .join('');
  return page(
    document.title,
    `<div class="qr" role="img" aria-label="QR code: ${escape(address)}">${qr}</div>
<h1>${escape(document.title)}</h1>
<p class="issuer">Issued by ${escape(document.issuer.name)} (${escape(document.issuer.department)})</p>
${expired ? `<p class="notice invalid" role="alert">This certificate expired at ${escape(document.validUntil)}.</p>` : ''}
${revocationChecked ? '' : `<p class="notice" role="alert" data-field="revocation">Whether its issuer has revoked this certificate could not be checked when this page was made: check it at the address below before relying on it.</p>`}
<table>
<tr><th>Serial number</th><td data-field="serial">${escape(document.serial)}</td></tr>
<tr><th>About</th><td>${document.subject.kind === 'COMPANY' ? 'Company' : 'Resident'} ${escape(document.subject.id)}</td></tr>
${facts}
<tr><th>Issued</th><td>${escape(document.issuedAt)}</td></tr>
<tr><th>Valid until</th><td>${escape(document.validUntil)}</td></tr>
</table>
<p>Check this certificate at <a href="${escape(address)}">${escape(address)}</a> or by scanning the code: the check also tells whether its issuer revoked it.</p>
<p class="seal">Seal: ${escape(seal)}</p>
<p class="no-print"><button onclick="window.print()">Print</button></p>`,
  );
}

/** The page that checks a certificate file with `verifyCertificate`, and offers to print it. */
export function renderVerifyPage(): string {
  return page(
    'Check a certificate',
    `<h1>Check a certificate</h1>
<p>Choose or paste the certificate file a department issued (its <code>document</code> and <code>seal</code>). Nothing is stored.</p>
<p id="serial-hint"></p>
<p><label for="file">Certificate file</label> <input type="file" id="file" accept="application/json,.json"></p>
<form id="print" method="post" action="/certificates/print" target="_blank">
<textarea id="certificate" name="certificate" aria-label="Certificate, pasted"></textarea>
<p><button type="button" id="check">Check</button> <button type="submit">Printable page</button></p>
</form>
<div id="result" role="status"></div>
<script>
// A document inside the file as an object is parsed here, where a name given twice keeps only its last value:
// the same scan as core/certificates/parseStrictJson.ts refuses it first (a document as text is checked by the graph).
function duplicateName(text) {
  const open = []; let atName = false;
  for (let at = 0; at < text.length; at++) {
    const c = text[at];
    if (c === '"') {
      let end = at + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\\\' ? 2 : 1;
      if (atName) {
        const name = JSON.parse(text.slice(at, end + 1)); const names = open[open.length - 1];
        if (names.has(name)) return name;
        names.add(name); atName = false;
      }
      at = end;
    } else if (c === '{' || c === '[') { open.push(c === '{' ? new Set() : null); atName = c === '{'; }
    else if (c === '}' || c === ']') { open.pop(); atName = false; }
    else if (c === ',') atName = open[open.length - 1] instanceof Set;
  }
  return null;
}
const serial = new URLSearchParams(location.search).get('serial');
if (serial) document.getElementById('serial-hint').textContent = 'Certificate ' + serial + ': choose or paste its file to check it.';
document.getElementById('file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) document.getElementById('certificate').value = await file.text();
});
document.getElementById('check').addEventListener('click', async () => {
  const result = document.getElementById('result');
  let file;
  try { file = JSON.parse(document.getElementById('certificate').value); } catch { file = null; }
  if (!file || typeof file.seal !== 'string' || file.document === undefined) {
    result.className = 'notice invalid'; result.textContent = 'This is not a certificate file: it needs "document" and "seal".'; return;
  }
  const twice = duplicateName(document.getElementById('certificate').value);
  if (twice !== null) {
    result.className = 'notice invalid'; result.dataset.problem = 'MALFORMED';
    result.textContent = 'Not valid (MALFORMED): the file has the name ' + JSON.stringify(twice) + ' twice in one object, so readers could see different facts.'; return;
  }
  const documentText = typeof file.document === 'string' ? file.document : JSON.stringify(file.document);
  const answer = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
    query: 'query Verify($document: String!, $seal: String!) { verifyCertificate(document: $document, seal: $seal) { valid problem message serial issuer type validUntil } }',
    variables: { document: documentText, seal: file.seal } }) }).then((response) => response.json());
  const verdict = answer.data && answer.data.verifyCertificate;
  if (!verdict) { result.className = 'notice invalid'; result.textContent = 'The check failed: ' + ((answer.errors && answer.errors[0].message) || 'no answer'); return; }
  result.className = 'notice ' + (verdict.valid ? 'valid' : 'invalid');
  result.dataset.problem = verdict.problem || '';
  result.textContent = (verdict.valid ? 'Valid: ' : 'Not valid (' + verdict.problem + '): ') + verdict.message + (verdict.serial ? ' Serial ' + verdict.serial + '.' : '');
});
</script>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}
