import { readFileSync } from 'node:fs';

/**
 * The planned mutations' SDL for one department (plannedMutations.graphql, split at its
 * `# department: <name>` lines), or null for a department with none planned.
 */
export function plannedMutationsOf(department: string): string | null {
  const text = readFileSync(new URL('./plannedMutations.graphql', import.meta.url), 'utf8');
  const sections = text.split(/^# department: /m).slice(1);
  const section = sections.find((candidate) => candidate.startsWith(`${department}\n`));
  return section ? section.slice(department.length + 1) : null;
}
