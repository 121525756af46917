import type { Access, AccessLogAnswer } from './answers.js';
import { byId, element, inputOf, selectOf, showRefusal, showStatus } from './dom.js';
import { currentToken, showSignIn } from './session.js';

const LOG_QUERY = `query AccessLogSearch($subject: ID!, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  accessLog(subject: $subject, from: $from, to: $to, first: $first, after: $after) {
    accesses { at department purpose requestId policyVersion
      accessor { kind roles department staffId id application self }
      fields { field decision } }
    endCursor hasNextPage
  }
}`;
// Pages of 50 keep each request under the gateway's cost limit (a record with its fields costs about 50 units);
// a search reads at most 20 of them: enough for a review, bounded for the gateway.
const PAGE_SIZE = 50;
const MAX_PAGES = 20;

// The last search's records, as shown and exported.
let results: Access[] = [];

/** Forgets the last search and hides the search (a sign-out). */
export function forgetAccessLog(): void {
  results = [];
  byId('log-table').replaceChildren();
  byId('log-search').hidden = true;
  byId('log-export').hidden = true;
  byId('log-status').textContent = '';
}

/**
 * The subject's records from the graph: the page asks /graphql (passed to the gateway by the
 * workbench's server) with the officer's own token and purpose privacy-review, so the platform's
 * policy decides what it sees and the search is itself recorded. Department and purpose are
 * filtered here, over at most MAX_PAGES pages.
 */
async function search(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  results = [];
  byId('log-table').replaceChildren();
  byId('log-export').hidden = true;
  showStatus('log-status', 'Searching…');
  const iso = (value: string) => (value ? new Date(value).toISOString() : null);
  const variables = {
    subject: inputOf('subject').value.trim(),
    from: iso(inputOf('from').value),
    to: iso(inputOf('to').value),
    first: PAGE_SIZE,
    after: null as string | null,
  };
  let read = 0;
  let more = false;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${currentToken()}`,
        'x-purpose': 'privacy-review',
      },
      body: JSON.stringify({ query: LOG_QUERY, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as AccessLogAnswer;
    const answer = body.data?.accessLog;
    if (!answer || body.errors?.length) {
      const error = body.errors?.[0];
      const code = error?.extensions?.code;
      const refusedCaller = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
      showRefusal(
        'log-status',
        `Refused: ${error?.message ?? `HTTP ${response.status}`}${code ? ` (${code})` : ''}.` +
          (refusedCaller ? ' Only privacy officers reviewing (purpose privacy-review) may search the access log.' : ''),
      );
      if (refusedCaller) showSignIn(true);
      results = [];
      return;
    }
    read += answer.accesses.length;
    results.push(...answer.accesses);
    more = answer.hasNextPage;
    if (!more) break;
    variables.after = answer.endCursor;
  }
  const department = selectOf('log-department').value;
  const purpose = selectOf('log-purpose').value;
  results = results.filter(
    (access) =>
      (!department || access.department === department) &&
      (!purpose || (purpose === '(none)' ? access.purpose === null : access.purpose === purpose)),
  );
  renderLog();
  byId('log-status').textContent =
    `${results.length} record${results.length === 1 ? '' : 's'} (of ${read} read${more ? `; more than ${MAX_PAGES * PAGE_SIZE} — narrow the time range` : ''}).`;
  byId('log-export').hidden = results.length === 0;
}

function renderLog(): void {
  const table = byId('log-table');
  table.replaceChildren();
  if (results.length === 0) return;
  const head = element('tr');
  for (const title of ['When', 'Department', 'Who', 'Purpose', 'Fields', 'Request'])
    head.append(element('th', {}, title));
  table.appendChild(element('thead')).append(head);
  const body = table.appendChild(element('tbody'));
  for (const access of results) {
    const row = body.appendChild(element('tr'));
    row.append(
      element('td', {}, access.at),
      element('td', {}, access.department),
      element('td', {}, describeAccessor(access.accessor)),
      element('td', {}, access.purpose ?? '—'),
      element(
        'td',
        { class: 'field' },
        access.fields.map((field) => `${field.field} ${field.decision.toLowerCase()}`).join(', '),
      ),
      element('td', { class: 'field' }, access.requestId ?? ''),
    );
  }
}

function describeAccessor(accessor: Access['accessor']): string {
  const roles = accessor.roles?.length ? ` (${accessor.roles.join(', ')})` : '';
  return `${accessor.kind.toLowerCase()} ${accessor.id ?? accessor.staffId ?? ''}${roles}${accessor.self ? ', own data' : ''}`;
}

function download(name: string, type: string, text: string): void {
  const link = element('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

const exportName = (extension: string) =>
  `access-log-${inputOf('subject').value.trim()}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.${extension}`;

/** The records shown, one line each, every value quoted (a field list may hold commas). */
function toCsv(records: readonly Access[]): string {
  const quote = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
  const header = [
    'at',
    'department',
    'accessorKind',
    'accessorId',
    'roles',
    'purpose',
    'fields',
    'requestId',
    'policyVersion',
  ];
  const lines = records.map((access) =>
    [
      access.at,
      access.department,
      access.accessor.kind,
      access.accessor.id ?? access.accessor.staffId,
      (access.accessor.roles ?? []).join(' '),
      access.purpose,
      access.fields.map((field) => `${field.field}:${field.decision}`).join(' '),
      access.requestId,
      access.policyVersion,
    ]
      .map(quote)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export function installAccessLog(): void {
  byId<HTMLFormElement>('log-search').addEventListener('submit', (event) => void search(event));
  byId('export-json').addEventListener('click', () =>
    download(exportName('json'), 'application/json', `${JSON.stringify(results, null, 2)}\n`),
  );
  byId('export-csv').addEventListener('click', () => download(exportName('csv'), 'text/csv', toCsv(results)));
}
