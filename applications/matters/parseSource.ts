/** Where one mutation argument's value comes from, as a matter writes it (Matter.ts, `source`). */
export type Source =
  | { kind: 'input'; name: string }
  | { kind: 'applicant' }
  | { kind: 'prefill'; path: string[]; count: boolean }
  | { kind: 'step'; step: string; output: string }
  | { kind: 'decision'; field: 'approve' | 'reason' }
  | { kind: 'value'; value: string };

const NAME = '[a-zA-Z][a-zA-Z0-9]*';
const PATTERNS: Array<[RegExp, (match: RegExpExecArray) => Source]> = [
  [new RegExp(`^input\\.(${NAME})$`), (m) => ({ kind: 'input', name: m[1]! })],
  [/^applicant\.id$/, () => ({ kind: 'applicant' })],
  [
    new RegExp(`^prefill\\.(${NAME}(?:\\.${NAME})*)$`),
    (m) => ({ kind: 'prefill', path: m[1]!.split('.'), count: false }),
  ],
  [
    new RegExp(`^count\\(prefill\\.(${NAME}(?:\\.${NAME})*)\\)$`),
    (m) => ({ kind: 'prefill', path: m[1]!.split('.'), count: true }),
  ],
  [new RegExp(`^steps\\.(${NAME})\\.(${NAME})$`), (m) => ({ kind: 'step', step: m[1]!, output: m[2]! })],
  [/^decision\.(approve|reason)$/, (m) => ({ kind: 'decision', field: m[1] as 'approve' | 'reason' })],
  [/^value:(.+)$/, (m) => ({ kind: 'value', value: m[1]!.trim() })],
];

/** Reads a source, or null when it matches none of the forms (the checker says which exist). */
export function parseSource(text: string): Source | null {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text.trim());
    if (match) return build(match);
  }
  return null;
}

export const SOURCE_FORMS =
  'input.<name>, applicant.id, prefill.<path>, count(prefill.<path>), steps.<step>.<output>, decision.approve, decision.reason or value:<text>';
