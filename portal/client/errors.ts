/**
 * Which part of an answer is missing, and why. A department that is down costs only its own
 * sections (the gateway nulls its subtree with DEPARTMENT_UNAVAILABLE): a notice names it, and
 * the rest of the page is shown. A field the policy does not give the caller (FORBIDDEN) says so.
 */
import { DEPARTMENT_NAMES } from './departments.js';
import { h, type Child } from './dom.js';
import type { GraphError } from './graphql.js';

type Path = ReadonlyArray<string | number>;

/** The error that made the value at `path` null: one at that path or at a parent of it. */
export function errorAt(errors: readonly GraphError[], path: Path): GraphError | undefined {
  return errors.find(
    (error) =>
      error.path !== undefined && error.path.length <= path.length && error.path.every((part, i) => part === path[i]),
  );
}

/** A value, or why it is missing: not shown to this caller, or its department is down. */
export function value(errors: readonly GraphError[], path: Path, shown: Child): Child {
  if (shown !== null && shown !== undefined && shown !== '') return shown;
  const error = errorAt(errors, path);
  if (error?.extensions?.code === 'FORBIDDEN') return h('span', { class: 'denied' }, 'not shown to you');
  if (error?.extensions?.code === 'DEPARTMENT_UNAVAILABLE')
    return h('span', { class: 'denied' }, 'unavailable right now');
  return '—';
}

/** The body of a section whose root is null: why, in a sentence. */
export function missingSection(
  errors: readonly GraphError[],
  path: Path,
  none: string,
  deniedHint: string,
): HTMLElement {
  const error = errorAt(errors, path);
  if (error?.extensions?.code === 'FORBIDDEN')
    return h('p', { class: 'denied', 'data-denied': path.join('.') }, deniedHint);
  if (error?.extensions?.code === 'DEPARTMENT_UNAVAILABLE') {
    const department = error.extensions.department ?? '';
    return h(
      'p',
      { class: 'denied', 'data-unavailable': department },
      `Not available right now: ${DEPARTMENT_NAMES[department] ?? 'a department'} is not answering.`,
    );
  }
  return h('p', { class: 'muted' }, none);
}

/** One notice per department that did not answer, and one for any other failure (at most three). */
export function showNotices(errors: readonly GraphError[]): void {
  const notices = document.getElementById('notices')!;
  const down = [
    ...new Set(
      errors
        .filter((error) => error.extensions?.code === 'DEPARTMENT_UNAVAILABLE')
        .map((error) => error.extensions?.department ?? 'unknown'),
    ),
  ];
  for (const department of down) {
    notices.append(
      h(
        'div',
        { class: 'notice', 'data-department-down': department },
        h('strong', {}, `${capitalise(DEPARTMENT_NAMES[department] ?? department)} is not answering right now.`),
        ' Its part of this page is missing; everything else shown is current. Try again in a few minutes.',
      ),
    );
  }
  const other = errors.filter(
    (error) => !['DEPARTMENT_UNAVAILABLE', 'FORBIDDEN'].includes(error.extensions?.code ?? ''),
  );
  for (const error of other.slice(0, 3))
    notices.append(h('div', { class: 'notice error', 'data-error': error.extensions?.code ?? '' }, error.message));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
