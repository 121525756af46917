import type { PolicyTable } from './answers.js';
import { byId, element, inputOf, selectOf, showRefusal, showStatus } from './dom.js';
import { readWorkbench } from './session.js';

// The policy in force as the workbench computed it for this session; null until it is loaded.
let policy: PolicyTable | null = null;

/** Forgets the loaded policy (a sign-in or sign-out). */
export function forgetPolicy(): void {
  policy = null;
}

/**
 * Loads the policy table (policy.json) and fills the choices made from it: departments and caller
 * profiles here, departments and purposes for the access log search.
 */
export async function loadPolicy(): Promise<void> {
  showStatus('policy-status', 'Loading the policy…');
  const reading = await readWorkbench<PolicyTable>('/privacy/policy.json');
  if ('stale' in reading) return;
  if ('refused' in reading) return showRefusal('policy-status', reading.refused);
  policy = reading.body;
  for (const { department } of policy.departments) {
    byId('department').append(element('option', { value: department }, department));
    byId('log-department').append(element('option', { value: department }, department));
  }
  for (const profile of policy.profiles)
    byId('profile').append(element('option', { value: profile.id }, profile.label));
  for (const purpose of policy.purposes)
    byId('log-purpose').append(element('option', { value: purpose.name, title: purpose.description }, purpose.name));
  const warnings = byId('warnings');
  for (const warning of policy.warnings)
    warnings.append(element('p', { class: 'warning' }, `${warning.at}: ${warning.message}`));
  renderPolicy();
}

/** The table for the chosen department, a column per chosen caller profile, the rows the filters keep. */
function renderPolicy(): void {
  if (!policy) return;
  const department =
    policy.departments.find((entry) => entry.department === selectOf('department').value) ?? policy.departments[0];
  if (!department) return;
  const profileId = selectOf('profile').value;
  const columns = policy.profiles
    .map((profile, index) => ({ profile, index }))
    .filter(({ profile }) => !profileId || profile.id === profileId);
  const text = inputOf('field-filter').value.trim().toLowerCase();
  const rows = department.fields.filter(
    (field) =>
      (!text || field.field.toLowerCase().includes(text)) &&
      (!inputOf('protected-only').checked || field.protected) &&
      (!inputOf('granted-only').checked || columns.some(({ index }) => field.cells[index]?.effect !== 'deny')),
  );
  const table = byId('policy-table');
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
      row.append(element('td', { class: cell?.effect ?? '' }, cell?.text ?? ''));
    }
  }
  byId('policy-status').textContent =
    `${department.department}: ${rows.length} of ${department.fields.length} fields` +
    `${profileId ? `, as seen by “${columns[0]?.profile.label}”` : ''}. Fields marked * are protected: every access is in the access log.`;
}

/** The filters redraw the table as they change. */
export function installPolicyTable(): void {
  for (const id of ['department', 'profile', 'field-filter', 'protected-only', 'granted-only'])
    byId(id).addEventListener('input', renderPolicy);
  byId('policy-filters').addEventListener('submit', (event) => event.preventDefault());
}
