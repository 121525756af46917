import { parse, validate, type GraphQLError } from 'graphql';
import { didYouMean } from '../../policy/index.js';
import type { Matter, MatterStep } from './Matter.js';
import type { MatterCheckContext } from './MatterCheckContext.js';
import type { MatterProblem } from './MatterProblem.js';
import { parseSource, SOURCE_FORMS, type Source } from './parseSource.js';
import {
  prefillPaths,
  prefillQuery,
  PREFILL_VARIABLES,
  prefillVariablesUsed,
  type PrefillPath,
} from './prefillQuery.js';
import type { Locate } from './readMatterFile.js';
import { findStepCycle, stepsBefore } from './stepOrder.js';

/**
 * What a matter's shape cannot say about itself: every department in the registry, every action
 * a mutation of that department with the arguments it is given, every required argument mapped,
 * every pre-filled field in the public schema, every purpose and role in privacy/roles.yaml,
 * every input typed by the applicant used, no cycle in `after:`. Problems come sorted by line.
 */
export function checkMatter(matter: Matter, context: MatterCheckContext, locate: Locate): MatterProblem[] {
  const problems: MatterProblem[] = [];
  const prefill = checkPrefill(matter, context, locate, problems);
  const used = new Set<string>();
  for (const [name, step] of Object.entries(matter.steps)) {
    const sources = { matter, step: name, prefill, used, locate, problems };
    checkStep(matter, name, step, context, sources);
  }
  for (const input of Object.keys(matter.inputs))
    if (!used.has(input))
      problems.push(
        locate(['inputs', input], `The input '${input}' is asked of the applicant but no step maps it to an argument.`),
      );
  const cycle = findStepCycle(matter.steps);
  if (cycle)
    problems.push(
      locate(['steps', cycle[0]!, 'after'], `The steps wait for each other in a cycle: ${cycle.join(' → ')}.`),
    );
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The argument every department write takes to be idempotent: the engine fills it with the
 * application's id and the step's name (DepartmentActions), so a matter never maps it.
 */
export const ENGINE_SUPPLIED = 'idempotencyKey';

interface SourceCheck {
  matter: Matter;
  step: string;
  prefill: Map<string, PrefillPath> | null;
  used: Set<string>;
  locate: Locate;
  problems: MatterProblem[];
}

function checkStep(matter: Matter, name: string, step: MatterStep, context: MatterCheckContext, check: SourceCheck) {
  const { locate, problems } = check;
  const at = ['steps', name];
  if (!context.departments.includes(step.department)) {
    problems.push(
      locate(
        [...at, 'department'],
        `Unknown department '${step.department}': the registry lists ${context.departments.join(', ')}.${didYouMean(step.department, context.departments)}`,
      ),
    );
    return;
  }
  for (const before of step.after ?? [])
    if (!matter.steps[before])
      problems.push(
        locate([...at, 'after'], `Step '${name}' waits for '${before}', which is not a step of this matter.`),
      );
  if (step.decidedBy && !context.roles.has(step.decidedBy.role))
    problems.push(
      locate(
        [...at, 'decidedBy', 'role'],
        `Unknown role '${step.decidedBy.role}': privacy/roles.yaml has no such role.${didYouMean(step.decidedBy.role, context.roles)}`,
      ),
    );
  if (step.decidedBy && !context.purposes.has(step.decidedBy.purpose))
    problems.push(
      locate(
        [...at, 'decidedBy', 'purpose'],
        `Unknown purpose '${step.decidedBy.purpose}': privacy/roles.yaml has no such purpose.${didYouMean(step.decidedBy.purpose, context.purposes)}`,
      ),
    );
  if (step.decidedBy && step.actsFor)
    problems.push(
      locate([...at, 'actsFor'], `Step '${name}' is decided by an officer: it acts for that officer, not for another.`),
    );
  const earlier = stepsBefore(matter.steps, name);
  for (const undone of step.rejectionUndoes ?? [])
    if (!earlier.has(undone))
      problems.push(locate([...at, 'rejectionUndoes'], `'${undone}' is not a step that '${name}' waits for.`));
  checkAction(step.department, step.action, step.input, [...at], context, {
    ...check,
    earlier,
    decided: !!step.decidedBy,
  });
  if (step.actsFor) checkActsFor(step.actsFor, [...at, 'actsFor'], { ...check, earlier, decided: false });
  if (step.undo) {
    const own = new Set([...earlier, name]);
    const undoCheck = { ...check, earlier: own, decided: false };
    checkAction(step.department, step.undo.action, step.undo.input, [...at, 'undo'], context, undoCheck);
    if (step.undo.actsFor) checkActsFor(step.undo.actsFor, [...at, 'undo', 'actsFor'], undoCheck);
  }
}

interface ActionCheck extends SourceCheck {
  earlier: Set<string>;
  decided: boolean;
}

function checkAction(
  department: string,
  action: string,
  input: Record<string, string>,
  at: string[],
  context: MatterCheckContext,
  check: ActionCheck,
): void {
  const { locate, problems } = check;
  const mutations = context.mutationsOf(department);
  const mutation = mutations?.get(action);
  if (!mutations || !mutation) {
    const known = mutations ? [...mutations.keys()] : [];
    problems.push(
      locate(
        [...at, 'action'],
        `Unknown mutation '${action}': the ${department} subgraph's schema has no such Mutation field.${didYouMean(action, known)}`,
      ),
    );
  }
  for (const [argument, text] of Object.entries(input)) {
    if (argument === ENGINE_SUPPLIED) {
      problems.push(
        locate(
          [...at, 'input', argument],
          `'${ENGINE_SUPPLIED}' is the engine's (<application>/<step>): leave it out.`,
        ),
      );
      continue;
    }
    if (mutation && !mutation.arguments.has(argument))
      problems.push(
        locate(
          [...at, 'input', argument],
          `Unknown argument '${argument}' of ${department}'s ${action}.${didYouMean(argument, mutation.arguments.keys())}`,
        ),
      );
    checkSource(text, [...at, 'input', argument], check);
  }
  for (const [argument, shape] of mutation?.arguments ?? [])
    if (shape.required && !(argument in input) && argument !== ENGINE_SUPPLIED)
      problems.push(locate([...at, 'input'], `The required argument '${argument}' of ${action} is not mapped.`));
}

/** Whom a step acts for, when not the applicant: a company an earlier step answered, by its USCC. */
function checkActsFor(text: string, at: string[], check: ActionCheck): void {
  const source = parseSource(text);
  if (source?.kind !== 'step')
    return void check.problems.push(
      check.locate(
        at,
        `actsFor: '${text}' must be steps.<step>.<output>, the USCC of a company a step registered (leave it out to act for the applicant).`,
      ),
    );
  checkSource(text, at, check);
}

function checkSource(text: string, at: string[], check: ActionCheck): void {
  const { matter, locate, problems } = check;
  const source: Source | null = parseSource(text);
  const problem = (message: string) => problems.push(locate(at, message));
  if (!source) return void problem(`'${text}' is not a source: write ${SOURCE_FORMS}.`);
  if (source.kind === 'input') {
    check.used.add(source.name);
    if (!matter.inputs[source.name])
      problem(
        `'${text}': the matter asks for no input '${source.name}'.${didYouMean(source.name, Object.keys(matter.inputs))}`,
      );
  } else if (source.kind === 'step') {
    const outputs = matter.steps[source.step]?.outputs ?? [];
    if (!check.earlier.has(source.step))
      problem(`'${text}': step '${source.step}' is not one that '${check.step}' waits for (add it to after:).`);
    else if (!outputs.includes(source.output))
      problem(`'${text}': step '${source.step}' lists no output '${source.output}' under outputs:.`);
  } else if (source.kind === 'decision' && !check.decided) {
    problem(`'${text}': only a step with decidedBy: has an officer's decision.`);
  } else if (source.kind === 'prefill') {
    checkPrefillSource(text, source, at, check);
  }
}

function checkPrefillSource(
  text: string,
  source: Extract<Source, { kind: 'prefill' }>,
  at: string[],
  check: ActionCheck,
): void {
  const report = (message: string) => check.problems.push(check.locate(at, message));
  const path = source.path.join('.');
  // An empty map: prefill.me did not validate, and that problem is already reported.
  if (!check.prefill) return void report(`'${text}': the matter has no prefill: that reads it.`);
  if (check.prefill.size === 0) return;
  const found = check.prefill.get(path);
  if (!found) return void report(`'${text}': prefill.me selects no field ${path}.`);
  if (source.count && !found.list) report(`'${text}': count() needs a list, and ${path} is not one.`);
  if (!source.count && (found.list || !found.leaf))
    report(`'${text}': ${path} is ${found.list ? 'a list: use count(…)' : 'an object: name one of its fields'}.`);
}

function checkPrefill(
  matter: Matter,
  context: MatterCheckContext,
  locate: Locate,
  problems: MatterProblem[],
): Map<string, PrefillPath> | null {
  if (!matter.prefill) return null;
  if (!context.purposes.has(matter.prefill.purpose))
    problems.push(
      locate(
        ['prefill', 'purpose'],
        `Unknown purpose '${matter.prefill.purpose}': privacy/roles.yaml has no such purpose.${didYouMean(matter.prefill.purpose, context.purposes)}`,
      ),
    );
  for (const variable of prefillVariablesUsed(matter.prefill.me))
    if (!PREFILL_VARIABLES[variable])
      problems.push(
        locate(
          ['prefill', 'me'],
          `Unknown variable $${variable} in prefill.me: use ${Object.keys(PREFILL_VARIABLES)
            .map((name) => `$${name}`)
            .join(', ')}.`,
        ),
      );
  let errors: readonly GraphQLError[];
  try {
    errors = validate(context.publicSchema, parse(prefillQuery(matter.prefill.me)));
  } catch (error) {
    errors = [error as GraphQLError];
  }
  for (const error of errors)
    problems.push(locate(['prefill', 'me'], `prefill.me does not fit the public schema under me: ${error.message}`));
  if (errors.length > 0) return new Map();
  const paths = prefillPaths(context.publicSchema, matter.prefill.me);
  for (const key of Object.keys(matter.prefill.labels ?? {})) {
    const counted = /^count\((.+)\)$/.exec(key);
    const found = paths.get(counted ? counted[1]! : key);
    if (!found || (counted ? !found.list : found.list || !found.leaf))
      problems.push(
        locate(
          ['prefill', 'labels', key],
          `prefill.labels: '${key}' is not ${counted ? 'a list' : 'a single value'} prefill.me selects.`,
        ),
      );
  }
  return paths;
}
