import { z } from 'zod';

// Durations in matters read as people write them on a service sheet: 30s, 15m, 12h, 5d.
const DURATION = /^(\d+)(s|m|h|d)$/;
const SECONDS_PER_UNIT = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

/** Seconds in a matter's duration ("5d" → 432000); the schema below has already checked the form. */
export function durationSeconds(duration: string): number {
  const match = DURATION.exec(duration);
  if (!match) throw new Error(`Not a duration: ${duration}`);
  return Number(match[1]) * SECONDS_PER_UNIT[match[2] as keyof typeof SECONDS_PER_UNIT];
}

const duration = z.string().regex(DURATION, 'must be a duration such as 30s, 15m, 12h or 5d');
const name = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a name of letters and digits, e.g. companyName');
/**
 * Where a value comes from: `input.<name>` (typed by the applicant), `applicant.id`,
 * `prefill.<path>` (read from the graph), `steps.<step>.<output>`, `decision.approve` or
 * `decision.reason` (an officer's), `count(prefill.<path>)` (a list's length) or a quoted literal.
 */
const source = z.string().min(1, 'must name where the value comes from, e.g. input.companyName');

const inputField = z.strictObject({
  label: z.string().min(1),
  type: z.enum(['text', 'decimal', 'period', 'date', 'choice']),
  choices: z.array(z.string().min(1)).min(1).optional(),
});

/**
 * Whom the applications service acts for when it performs the action: the applicant (the
 * default), or a company an earlier step answered, by its USCC, e.g. `steps.register.uscc` (the
 * company the applicant just founded acts as itself with the tax bureau). A decided step acts for
 * the deciding officer.
 */
const actsFor = source.optional();

const undo = z.strictObject({
  action: name,
  input: z.record(name, source),
  /** Defaults to the step's own actsFor. */
  actsFor,
});

const step = z.strictObject({
  department: z.string().min(1),
  after: z.array(name).optional(),
  action: name,
  input: z.record(name, source),
  actsFor,
  outputs: z.array(name).optional(),
  undo: undo.optional(),
  /** What an officer must do by hand when nothing here undoes the step. */
  noUndo: z.string().min(1).optional(),
  /** The officer's role, the purpose the decision is made and recorded under, and how soon it is due. */
  decidedBy: z.strictObject({ role: z.string().min(1), purpose: z.string().min(1), within: duration }).optional(),
  /** Steps a rejection itself undoes (a rejected registration needs no withdrawal). */
  rejectionUndoes: z.array(name).optional(),
  /** The citizen's words when the department refuses; the department's own reason follows. */
  refusal: z.string().min(1),
});

/** One matter file under matters/: a kind of public service as data (docs/applications.md). */
export const matterSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(1),
  applicants: z.array(z.enum(['resident', 'company'])).min(1),
  promisedDays: z.number().int().positive(),
  keepTryingFor: duration,
  prefill: z
    .strictObject({
      purpose: z.string().min(1),
      me: z.string().min(1),
      /** What the form shows the applicant, by path under me (`count(path)` for a list's length): label. */
      labels: z.record(z.string().min(1), z.string().min(1)).optional(),
    })
    .optional(),
  // The graph declares at most 20 inputs and 10 steps per matter (subgraphs/platform/schema.graphql, @listSize).
  inputs: z
    .record(name, inputField)
    .default({})
    .refine((inputs) => Object.keys(inputs).length <= 20, 'a matter asks for at most 20 inputs'),
  steps: z
    .record(name, step)
    .refine((steps) => Object.keys(steps).length > 0, 'a matter needs at least one step')
    .refine((steps) => Object.keys(steps).length <= 10, 'a matter has at most 10 steps'),
});

export type MatterDefinition = z.infer<typeof matterSchema>;
export type MatterStep = MatterDefinition['steps'][string];

/** A checked matter as the engine carries it: its name (the file's) beside its definition. */
export interface Matter extends MatterDefinition {
  name: string;
}
