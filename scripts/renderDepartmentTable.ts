import { DEPARTMENT_SETTINGS } from '../registry/departments.js';

/** The markers around the README's department table; `npm run departments -- --write` rewrites what is between them. */
export const TABLE_BEGIN =
  '<!-- departments: generated from registry/departments.ts by `npm run departments -- --write` -->';
export const TABLE_END = '<!-- /departments -->';

/**
 * The registry as a Markdown table: each department, its ports and the variables that move them,
 * the roles and purposes it owns, and how to run its pieces alone. The README carries it between
 * the markers; registry/departments.test.ts fails when that copy is stale.
 */
export function renderDepartmentTable(): string {
  const rows = DEPARTMENT_SETTINGS.map((department) => {
    const { name, description, subgraphPort, subgraphPortVariable, subgraphUrlVariable, legacy, roles, purposes } =
      department;
    const subgraph = `\`${subgraphPort}\` (\`${subgraphPortVariable}\`; the gateway reads \`${subgraphUrlVariable}\`)`;
    const legacySystem = legacy
      ? `\`${legacy.port}\` (\`${legacy.portVariable}\`; the subgraph reads \`${legacy.urlVariable}\`)`
      : 'none';
    const owns = `${roles.map((role) => `\`${role}\``).join(', ')}; ${purposes.map((purpose) => `\`${purpose}\``).join(', ')}`;
    const run = [`\`npm run subgraph -- ${name}\``, ...(legacy ? [`\`npm run mock -- ${name}\``] : [])].join(', ');
    return `| \`${name}\` | ${description} | ${subgraph} | ${legacySystem} | ${owns} | ${run} |`;
  });
  return [
    '| department | what it serves | subgraph port | legacy system port | officer roles; purposes | run alone |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `readme` with the table between the markers replaced by the current one; an error when a marker is missing. */
export function withDepartmentTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin)
    throw new Error(`README.md has no department table markers (${TABLE_BEGIN} … ${TABLE_END})`);
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n\n${renderDepartmentTable()}\n\n${readme.slice(end)}`;
}
