import type { PolicyExplanation } from './explainPolicy.js';
import { describeCell } from './renderExplanation.js';

/** One cell that differs: a field, a caller profile, and what they got before and get now. */
export interface PolicyChange {
  department: string;
  field: string;
  profileId: string;
  profileLabel: string;
  /** As policy:explain writes a cell (`denied`, `masked (phone)`, `allowed with purpose tax-audit`); null when the field did not exist. */
  before: string | null;
  after: string | null;
}

/**
 * What changes for whom between two explanations (e.g. a committed version and the files in
 * force), field by field: every cell of policy:explain that differs, in department and field
 * order. Fields that appear or vanish (a schema change) are changes from or to null.
 */
export function diffExplanations(before: PolicyExplanation, after: PolicyExplanation): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const profiles = [
    ...after.profiles,
    ...before.profiles.filter((old) => !after.profiles.some((p) => p.id === old.id)),
  ];
  const departments = [
    ...after.departments.map((entry) => entry.department as string),
    ...before.departments
      .map((entry) => entry.department as string)
      .filter((name) => !after.departments.some((entry) => entry.department === name)),
  ];
  for (const department of departments) {
    const cellsOf = (explanation: PolicyExplanation) => {
      const entry = explanation.departments.find((candidate) => candidate.department === department);
      const cells = new Map<string, Map<string, string>>();
      for (const field of entry?.fields ?? []) {
        const byProfile = new Map<string, string>();
        field.cells.forEach((cell, index) => byProfile.set(explanation.profiles[index]!.id, describeCell(cell)));
        cells.set(`${field.typeName}.${field.fieldName}`, byProfile);
      }
      return cells;
    };
    const old = cellsOf(before);
    const now = cellsOf(after);
    const fields = [...now.keys(), ...[...old.keys()].filter((field) => !now.has(field))];
    for (const field of fields) {
      for (const profile of profiles) {
        const was = old.get(field)?.get(profile.id) ?? null;
        const is = now.get(field)?.get(profile.id) ?? null;
        if (was !== is)
          changes.push({
            department,
            field,
            profileId: profile.id,
            profileLabel: profile.label,
            before: was,
            after: is,
          });
      }
    }
  }
  return changes;
}

/** The changes as Markdown for privacy officers: per department, per field, who gains or loses what. */
export function renderPolicyDiff(changes: readonly PolicyChange[], from: string, to: string): string {
  const lines = [`# What changes from ${from} to ${to}`, ''];
  if (changes.length === 0) return `${lines.join('\n')}No caller sees any field differently.\n`;
  let department = '';
  let field = '';
  for (const change of changes) {
    if (change.department !== department) {
      if (department !== '') lines.push('');
      department = change.department;
      field = '';
      lines.push(`## ${department}`, '');
    }
    if (change.field !== field) {
      field = change.field;
      lines.push(`- ${field}`);
    }
    lines.push(
      `  - ${change.profileLabel}: ${change.before ?? '(no such field)'} → ${change.after ?? '(no such field)'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
