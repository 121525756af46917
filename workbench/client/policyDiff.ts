import type { PolicyDiff, Versions } from './answers.js';
import { byId, element, inputOf, selectOf, showRefusal, showStatus } from './dom.js';
import { currentToken, readWorkbench } from './session.js';

/** Loads the committed versions of privacy/ (versions.json) into the version list. */
export async function loadVersions(): Promise<void> {
  const reading = await readWorkbench<Versions>('/privacy/versions.json');
  if ('stale' in reading) return;
  if ('refused' in reading) return showRefusal('diff-status', reading.refused);
  for (const version of reading.body.versions)
    byId('version').append(
      element(
        'option',
        { value: version.sha },
        `${version.date.slice(0, 10)} ${version.sha.slice(0, 8)} ${version.subject.slice(0, 80)}`,
      ),
    );
}

/** What changes for whom since the chosen version or ref (diff.json), as a table. */
async function showChanges(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const ref = inputOf('ref').value.trim();
  const table = byId('diff-table');
  table.replaceChildren();
  showStatus('diff-status', '');
  if (!currentToken())
    return showStatus('diff-status', "Sign in above with a privacy officer's token to compare versions.");
  if (!ref) return showStatus('diff-status', 'Choose a version or type a ref.');
  showStatus('diff-status', `Comparing with ${ref}…`);
  const reading = await readWorkbench<PolicyDiff>(`/privacy/diff.json?ref=${encodeURIComponent(ref)}`);
  if ('stale' in reading) return;
  if ('refused' in reading) return showRefusal('diff-status', reading.refused);
  const { changes, sha } = reading.body;
  showStatus(
    'diff-status',
    changes.length === 0
      ? `No caller sees any field differently than at ${ref} (${sha.slice(0, 12)}).`
      : `${changes.length} change${changes.length === 1 ? '' : 's'} since ${ref} (${sha.slice(0, 12)}):`,
  );
  if (changes.length === 0) return;
  const head = element('tr');
  for (const title of ['Department', 'Field', 'Caller', 'Then', 'Now']) head.append(element('th', {}, title));
  table.appendChild(element('thead')).append(head);
  const tbody = table.appendChild(element('tbody'));
  for (const change of changes) {
    const row = tbody.appendChild(element('tr'));
    row.append(
      element('td', {}, change.department),
      element('td', { class: 'field' }, change.field),
      element('td', {}, change.profileLabel),
      element('td', { class: effectOf(change.before) }, change.before ?? '(no such field)'),
      element('td', { class: effectOf(change.after) }, change.after ?? '(no such field)'),
    );
  }
}

/** The style of an explanation's words: allowed, masked or denied. */
function effectOf(text: string | null): string {
  if (!text) return '';
  return text.startsWith('allowed') ? 'allow' : text.startsWith('masked') ? 'mask' : 'deny';
}

export function installPolicyDiff(): void {
  selectOf('version').addEventListener('change', () => {
    if (selectOf('version').value) inputOf('ref').value = selectOf('version').value;
  });
  byId<HTMLFormElement>('diff-form').addEventListener('submit', (event) => void showChanges(event));
}
