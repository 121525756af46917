import { parseSource } from '../matters/parseSource.js';
import type { ApplicationRun, Decision } from './ApplicationRun.js';

export interface InputSources {
  application: ApplicationRun;
  /** Earlier steps' outputs by step name. */
  outputs: Readonly<Record<string, Record<string, unknown>>>;
  decision?: Decision;
}

/**
 * A mutation's arguments from a step's `input:` map (matters/*.yaml): each source read from what
 * the applicant typed, their id, the pre-filled reads, earlier steps' outputs or the officer's
 * decision. The matter was checked at load (checkMatter), so a source that finds nothing is null.
 */
export function resolveStepInput(
  mapping: Readonly<Record<string, string>>,
  from: InputSources,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [argument, text] of Object.entries(mapping)) resolved[argument] = resolveSource(text, from);
  return resolved;
}

function resolveSource(text: string, from: InputSources): unknown {
  const source = parseSource(text);
  switch (source?.kind) {
    case 'input':
      return from.application.input[source.name] ?? null;
    case 'applicant':
      return from.application.applicant.id;
    case 'value':
      return source.value;
    case 'step':
      return from.outputs[source.step]?.[source.output] ?? null;
    case 'decision':
      return from.decision ? from.decision[source.field] : null;
    case 'prefill': {
      let value: unknown = from.application.prefilled;
      for (const key of source.path) value = isRecord(value) ? value[key] : undefined;
      if (source.count) return Array.isArray(value) ? value.length : 0;
      return value ?? null;
    }
    default:
      return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
