// The privacy workbench page (docs/privacy-workbench.md). Plain DOM, no framework, nothing from
// another host. Every text from the server is set with textContent, never parsed as HTML.

const $ = (id) => document.getElementById(id);
const element = (tag, attributes = {}, text) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

// ---- tabs ----
for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll('.tab')) other.setAttribute('aria-selected', String(other === tab));
    for (const panel of document.querySelectorAll('.panel')) panel.hidden = panel.id !== tab.dataset.tab;
  });
}

// ---- the workbench's data, for a signed-in privacy officer ----
// The token stays in this page's memory: closing the tab signs out.
let token = null;
// Each sign-in or sign-out starts a new session; an answer that arrives for an older one is dropped.
let session = 0;

/**
 * One of the workbench's JSON routes with the officer's token: `{ body }`, or `{ refused }` saying
 * why in words, from the workbench's `{ error }` or from the gateway's `{ errors }` when its
 * admission refuses first (an expired token, RATE_LIMITED).
 */
async function readWorkbench(path) {
  const asked = session;
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json().catch(() => null);
  if (asked !== session) return { stale: true };
  if (response.ok && body) return { body };
  const error = body?.error ?? body?.errors?.[0];
  const code = error?.code ?? error?.extensions?.code ?? `HTTP ${response.status}`;
  const refusedCaller = response.status === 401 || response.status === 403;
  // The token is not good here: offer the sign-in form again, for another one.
  if (refusedCaller) showSignIn(true);
  const signIn = refusedCaller ? " Sign in above with a privacy officer's token (role privacy-officer)." : '';
  return { refused: `${code}: ${error?.message ?? response.statusText}${signIn}` };
}

/** The token field and its button, shown to sign in and hidden once signed in (Sign out stays). */
function showSignIn(shown) {
  $('token-field').hidden = !shown;
  $('sign-in-submit').hidden = !shown;
}

function showRefusal(id, text) {
  $(id).className = 'error';
  $(id).textContent = text;
}

// ---- the policy table ----
let policy = null;

async function loadPolicy() {
  $('policy-status').className = '';
  $('policy-status').textContent = 'Loading the policy…';
  const { body, refused, stale } = await readWorkbench('/privacy/policy.json');
  if (stale) return;
  if (refused) return showRefusal('policy-status', refused);
  policy = body;
  for (const { department } of policy.departments) {
    $('department').append(element('option', { value: department }, department));
    $('log-department').append(element('option', { value: department }, department));
  }
  for (const profile of policy.profiles) $('profile').append(element('option', { value: profile.id }, profile.label));
  for (const purpose of policy.purposes)
    $('log-purpose').append(element('option', { value: purpose.name, title: purpose.description }, purpose.name));
  const warnings = $('warnings');
  for (const warning of policy.warnings)
    warnings.append(element('p', { class: 'warning' }, `${warning.at}: ${warning.message}`));
  renderPolicy();
}

function renderPolicy() {
  if (!policy) return;
  const department =
    policy.departments.find((entry) => entry.department === $('department').value) ?? policy.departments[0];
  const profileId = $('profile').value;
  const columns = policy.profiles
    .map((profile, index) => ({ profile, index }))
    .filter(({ profile }) => !profileId || profile.id === profileId);
  const text = $('field-filter').value.trim().toLowerCase();
  const rows = department.fields.filter(
    (field) =>
      (!text || field.field.toLowerCase().includes(text)) &&
      (!$('protected-only').checked || field.protected) &&
      (!$('granted-only').checked || columns.some(({ index }) => field.cells[index].effect !== 'deny')),
  );
  const table = $('policy-table');
  table.replaceChildren();
  const head = element('tr');
  head.append(element('th', {}, 'Field'), element('th', {}, 'Rule'));
  for (const { profile } of columns) head.append(element('th', { 'data-profile': profile.id }, profile.label));
  table.appendChild(element('thead')).append(head);
  const body = table.appendChild(element('tbody'));
  for (const field of rows) {
    const row = body.appendChild(element('tr', { 'data-field': field.field }));
    row.append(element('td', { class: 'field' }, `${field.field}${field.protected ? ' *' : ''}`));
    row.append(element('td', { class: 'rule', title: field.at }, `${field.rule} (${field.at})`));
    for (const { index } of columns) {
      const cell = field.cells[index];
      row.append(element('td', { class: cell.effect }, cell.text));
    }
  }
  $('policy-status').textContent =
    `${department.department}: ${rows.length} of ${department.fields.length} fields` +
    `${profileId ? `, as seen by “${columns[0].profile.label}”` : ''}. Fields marked * are protected: every access is in the access log.`;
}

for (const id of ['department', 'profile', 'field-filter', 'protected-only', 'granted-only'])
  $(id).addEventListener('input', renderPolicy);
$('policy-filters').addEventListener('submit', (event) => event.preventDefault());

// ---- changes against a committed version ----
async function loadVersions() {
  const { body, refused, stale } = await readWorkbench('/privacy/versions.json');
  if (stale) return;
  if (refused) return showRefusal('diff-status', refused);
  for (const version of body.versions)
    $('version').append(
      element(
        'option',
        { value: version.sha },
        `${version.date.slice(0, 10)} ${version.sha.slice(0, 8)} ${version.subject.slice(0, 80)}`,
      ),
    );
}

$('version').addEventListener('change', () => {
  if ($('version').value) $('ref').value = $('version').value;
});

$('diff-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const ref = $('ref').value.trim();
  const table = $('diff-table');
  table.replaceChildren();
  $('diff-status').className = '';
  if (!token) {
    $('diff-status').textContent = "Sign in above with a privacy officer's token to compare versions.";
    return;
  }
  if (!ref) {
    $('diff-status').textContent = 'Choose a version or type a ref.';
    return;
  }
  $('diff-status').textContent = `Comparing with ${ref}…`;
  const { body, refused, stale } = await readWorkbench(`/privacy/diff.json?ref=${encodeURIComponent(ref)}`);
  if (stale) return;
  if (refused) return showRefusal('diff-status', refused);
  $('diff-status').textContent =
    body.changes.length === 0
      ? `No caller sees any field differently than at ${ref} (${body.sha.slice(0, 12)}).`
      : `${body.changes.length} change${body.changes.length === 1 ? '' : 's'} since ${ref} (${body.sha.slice(0, 12)}):`;
  if (body.changes.length === 0) return;
  const head = element('tr');
  for (const title of ['Department', 'Field', 'Caller', 'Then', 'Now']) head.append(element('th', {}, title));
  table.appendChild(element('thead')).append(head);
  const tbody = table.appendChild(element('tbody'));
  for (const change of body.changes) {
    const row = tbody.appendChild(element('tr'));
    row.append(
      element('td', {}, change.department),
      element('td', { class: 'field' }, change.field),
      element('td', {}, change.profileLabel),
      element('td', { class: effectOf(change.before) }, change.before ?? '(no such field)'),
      element('td', { class: effectOf(change.after) }, change.after ?? '(no such field)'),
    );
  }
});

function effectOf(text) {
  if (!text) return '';
  return text.startsWith('allowed') ? 'allow' : text.startsWith('masked') ? 'mask' : 'deny';
}

// ---- the access log, for a signed-in privacy officer ----
let results = [];

function claimsOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload));
  } catch {
    return null;
  }
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  const pasted = $('token').value.trim();
  const claims = claimsOf(pasted);
  if (!claims) {
    $('who').className = 'error';
    $('who').textContent = 'That is not a token (three base64url parts separated by dots).';
    return;
  }
  token = pasted;
  $('token').value = '';
  $('who').className = '';
  $('who').textContent =
    `Signed in as ${claims.kind} ${claims.sub}${claims.roles?.length ? ` (${claims.roles.join(', ')})` : ''}. The gateway decides what you may see.`;
  $('log-search').hidden = false;
  $('sign-out').hidden = false;
  showSignIn(false);
  clearWorkbench();
  void Promise.all([loadPolicy(), loadVersions()]);
});

$('sign-out').addEventListener('click', () => {
  token = null;
  results = [];
  clearWorkbench();
  $('log-table').replaceChildren();
  $('log-search').hidden = true;
  $('log-export').hidden = true;
  $('sign-out').hidden = true;
  showSignIn(true);
  $('log-status').textContent = '';
  $('policy-status').textContent = 'Sign in to see the policy.';
  $('who').textContent = 'Signed out.';
});

/** Forgets what the last sign-in loaded: the policy, the versions, the changes and the choices made from them. */
function clearWorkbench() {
  session++;
  policy = null;
  for (const id of ['policy-table', 'diff-table', 'warnings']) $(id).replaceChildren();
  $('department').replaceChildren();
  // Keep each list's fixed first choices ("every caller profile", "any", "none stated", "a committed version…").
  for (const [id, fixed] of [
    ['profile', 1],
    ['log-department', 1],
    ['log-purpose', 2],
    ['version', 1],
  ])
    while ($(id).options.length > fixed) $(id).remove(fixed);
  for (const id of ['policy-status', 'diff-status']) {
    $(id).className = '';
    $(id).textContent = '';
  }
}

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

$('log-search').addEventListener('submit', async (event) => {
  event.preventDefault();
  results = [];
  $('log-table').replaceChildren();
  $('log-export').hidden = true;
  $('log-status').className = '';
  $('log-status').textContent = 'Searching…';
  const iso = (value) => (value ? new Date(value).toISOString() : null);
  const variables = {
    subject: $('subject').value.trim(),
    from: iso($('from').value),
    to: iso($('to').value),
    first: PAGE_SIZE,
    after: null,
  };
  let read = 0;
  let more = false;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': 'privacy-review' },
      body: JSON.stringify({ query: LOG_QUERY, variables }),
    });
    const body = await response.json();
    const answer = body.data?.accessLog;
    if (!answer || body.errors?.length) {
      const error = body.errors?.[0];
      $('log-status').className = 'error';
      const code = error?.extensions?.code;
      $('log-status').textContent =
        `Refused: ${error?.message ?? `HTTP ${response.status}`}${code ? ` (${code})` : ''}.` +
        (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED'
          ? ' Only privacy officers reviewing (purpose privacy-review) may search the access log.'
          : '');
      if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') showSignIn(true);
      results = [];
      return;
    }
    read += answer.accesses.length;
    results.push(...answer.accesses);
    more = answer.hasNextPage;
    if (!more) break;
    variables.after = answer.endCursor;
  }
  const department = $('log-department').value;
  const purpose = $('log-purpose').value;
  results = results.filter(
    (access) =>
      (!department || access.department === department) &&
      (!purpose || (purpose === '(none)' ? access.purpose === null : access.purpose === purpose)),
  );
  renderLog();
  $('log-status').textContent =
    `${results.length} record${results.length === 1 ? '' : 's'} (of ${read} read${more ? `; more than ${MAX_PAGES * PAGE_SIZE} — narrow the time range` : ''}).`;
  $('log-export').hidden = results.length === 0;
});

function renderLog() {
  const table = $('log-table');
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

function describeAccessor(accessor) {
  const roles = accessor.roles?.length ? ` (${accessor.roles.join(', ')})` : '';
  return `${accessor.kind.toLowerCase()} ${accessor.id ?? accessor.staffId ?? ''}${roles}${accessor.self ? ', own data' : ''}`;
}

function download(name, type, text) {
  const link = element('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

const exportName = (extension) =>
  `access-log-${$('subject').value.trim()}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.${extension}`;

$('export-json').addEventListener('click', () =>
  download(exportName('json'), 'application/json', `${JSON.stringify(results, null, 2)}\n`),
);

$('export-csv').addEventListener('click', () => {
  const quote = (value) => `"${String(value ?? '').replace(/"/g, '""')}"`;
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
  const lines = results.map((access) =>
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
  download(exportName('csv'), 'text/csv', `${[header.join(','), ...lines].join('\r\n')}\r\n`);
});
