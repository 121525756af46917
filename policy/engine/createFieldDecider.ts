import { ANONYMOUS, type Caller } from '../../core/caller.js';
import { badUserInput } from '../../core/errors.js';
import { residentIdProblem, usccProblem } from '../../core/ids.js';
import { isCallerAmong } from './isCallerAmong.js';
import type {
  CompiledPolicy,
  Decision,
  DecisionBatch,
  DecisionEvent,
  Subject,
  SubjectEntry,
  SubjectReading,
  SubjectResolvers,
} from './types.js';

export interface FieldDeciderOptions {
  /** The policy in force; read once per request, so one request is decided by one version. */
  getPolicy: () => CompiledPolicy;
  /** Whose data each type's (or "Type.field"'s) values are; a type without one has no subjects. */
  subjects: SubjectResolvers;
  /** Told of every decision on a protected field (for the access log), with the request's context; never given the value. */
  onDecision?: (event: DecisionEvent, context: unknown) => void;
  /**
   * Told once per request, protected field and decision, with the batch that gathers the subjects
   * of every value of that field the request decides so (DecisionBatch): what the access log
   * keeps, without an event per list item. Read the batch when the answer is complete.
   */
  onDecisionBatch?: (batch: DecisionBatch, context: unknown) => void;
}

export interface FieldQuestion {
  typeName: string;
  fieldName: string;
  parent: unknown;
  args: Record<string, unknown>;
  context: unknown;
}

const NO_SUBJECTS: readonly Subject[] = Object.freeze([]);

/** One field's decisions in one request, kept by what its rule reads of the subjects (SubjectReading). */
interface FieldDecisions {
  isProtected: boolean;
  reads: SubjectReading;
  /** Whose data its values are ("Type.field"'s entry, else the type's); undefined: no subjects. */
  entry: SubjectEntry | undefined;
  /** 'nothing': the one decision; 'callerAmongSubjects': the decision when the caller is not among the subjects. */
  decision?: Decision;
  /** 'callerAmongSubjects': the decision when the caller is among the subjects. */
  whenAmong?: Decision;
  /** 'subjects': by the subjects' kinds and IDs. */
  bySubjects?: Map<string, Decision>;
  /** For onDecisionBatch: this request's batch of each decision taken on the field. */
  batches?: Map<Decision, DecisionBatch & { subjectLists: Array<readonly Subject[]> }>;
}

interface RequestDecisions {
  policy: CompiledPolicy;
  caller: Caller;
  /** By type name, then field name: two look-ups, no key built per item. */
  fields: Map<string, Map<string, FieldDecisions>>;
  /** Subjects already found well-formed in this request (a list names the same ones again and again). */
  wellFormed: { person: Set<string>; company: Set<string> };
  /**
   * The subjects of each parent under a type's entry, for fields without arguments: an entry is
   * a function of the parent and the arguments, so a list item's fields share one answer.
   */
  subjectsOfParent: WeakMap<object, { entry: SubjectEntry; subjects: readonly Subject[] }>;
}

/**
 * The one place a field's decision is made (createPolicyMiddleware asks it for every field,
 * skipDeniedEntityLoads before loading an entity). Per request it keeps the policy version in
 * force when the request began, the caller, and every decision taken, per field and per what the
 * field's rule reads of the subjects (CompiledPolicy.reads): a rule of roles and purposes
 * (`marketOfficer`) is decided once per field for a whole list, one of `self`/`companySelf` at
 * most twice (the caller among the subjects or not), and only a rule that reads more is decided
 * per distinct list of subjects. The decision is the policy's own in every case: it is taken by
 * the policy for the first value and reused only for values its rule cannot tell apart.
 *
 * A subject that is not a well-formed resident ID or USCC is refused (BAD_USER_INPUT) before
 * the policy is asked, so no caller-made string is decided on, recorded or sent to a legacy system.
 */
export function createFieldDecider(options: FieldDeciderOptions) {
  const { getPolicy, subjects, onDecision, onDecisionBatch } = options;
  const requests = new WeakMap<object, RequestDecisions>();

  const newState = (context: unknown): RequestDecisions => ({
    policy: getPolicy(),
    caller: callerOf(context),
    fields: new Map(),
    wellFormed: { person: new Set<string>(), company: new Set<string>() },
    subjectsOfParent: new WeakMap(),
  });
  const stateOf = (context: unknown): RequestDecisions => {
    if (typeof context !== 'object' || context === null) return newState(context);
    let state = requests.get(context);
    if (!state) requests.set(context, (state = newState(context)));
    return state;
  };

  const fieldOf = (state: RequestDecisions, typeName: string, fieldName: string): FieldDecisions => {
    let byField = state.fields.get(typeName);
    if (!byField) state.fields.set(typeName, (byField = new Map()));
    let field = byField.get(fieldName);
    if (!field) {
      const { policy } = state;
      const isProtected = policy.isProtected(typeName, fieldName);
      field = {
        isProtected,
        reads: policy.reads?.(typeName, fieldName) ?? 'subjects',
        // A public field is everyone's whoever it is about: no need to ask (or trust) a subject resolver.
        entry: isProtected ? (subjects[`${typeName}.${fieldName}`] ?? subjects[typeName]) : undefined,
      };
      byField.set(fieldName, field);
    }
    return field;
  };

  const subjectsOf = (state: RequestDecisions, field: FieldDecisions, question: FieldQuestion): readonly Subject[] => {
    const { entry } = field;
    if (!entry) return NO_SUBJECTS;
    const { parent, args } = question;
    // Only a type's own entry is shared by its fields, and only when no argument can change the answer.
    const shared =
      typeof parent === 'object' && parent !== null && entry === subjects[question.typeName] && isEmpty(args);
    const known = shared ? state.subjectsOfParent.get(parent) : undefined;
    // The same object may be the parent of two types (e.g. a record behind two objects): the entry must match.
    if (known?.entry === entry) return known.subjects;
    const found = entry.subjects(parent, args);
    checkWellFormed(found, state.wellFormed);
    if (shared) state.subjectsOfParent.set(parent as object, { entry, subjects: found });
    return found;
  };

  return {
    /** The decision on one field of one value; `record: false` asks without telling onDecision (a look ahead). */
    decide(question: FieldQuestion, record = true): Decision {
      const state = stateOf(question.context);
      const field = fieldOf(state, question.typeName, question.fieldName);
      const fieldSubjects = subjectsOf(state, field, question);
      const decision = decisionFor(state, field, question, fieldSubjects);
      if (record && onDecisionBatch && field.isProtected)
        batchOf(state, field, question, decision, onDecisionBatch).subjectLists.push(fieldSubjects);
      if (record && onDecision && field.isProtected) {
        onDecision(
          {
            department: state.policy.department,
            typeName: question.typeName,
            fieldName: question.fieldName,
            subjects: fieldSubjects,
            decision,
            protected: true,
            policy: state.policy.version.hash,
          },
          question.context,
        );
      }
      return decision;
    },
  };
}

export type FieldDecider = ReturnType<typeof createFieldDecider>;

/** The field's decision for these subjects: the one already taken for values its rule cannot tell apart, or the policy's. */
function decisionFor(
  state: RequestDecisions,
  field: FieldDecisions,
  question: FieldQuestion,
  fieldSubjects: readonly Subject[],
): Decision {
  switch (field.reads) {
    case 'nothing':
      return (field.decision ??= ask(state, question, fieldSubjects));
    case 'callerAmongSubjects':
      return isCallerAmong(state.caller, fieldSubjects)
        ? (field.whenAmong ??= ask(state, question, fieldSubjects))
        : (field.decision ??= ask(state, question, fieldSubjects));
    case 'subjects': {
      let key = '';
      for (const subject of fieldSubjects) key += `\u0000${subject.kind}:${subject.id}`;
      const bySubjects = (field.bySubjects ??= new Map());
      let decision = bySubjects.get(key);
      if (!decision) bySubjects.set(key, (decision = ask(state, question, fieldSubjects)));
      return decision;
    }
  }
}

/** The request's batch of this decision on this field, made (and handed to onDecisionBatch) on its first value. */
function batchOf(
  state: RequestDecisions,
  field: FieldDecisions,
  question: FieldQuestion,
  decision: Decision,
  onDecisionBatch: NonNullable<FieldDeciderOptions['onDecisionBatch']>,
): DecisionBatch & { subjectLists: Array<readonly Subject[]> } {
  let batch = (field.batches ??= new Map()).get(decision);
  if (!batch) {
    batch = {
      department: state.policy.department,
      typeName: question.typeName,
      fieldName: question.fieldName,
      decision,
      policy: state.policy.version.hash,
      subjectLists: [],
    };
    field.batches.set(decision, batch);
    onDecisionBatch(batch, question.context);
  }
  return batch;
}

function ask(state: RequestDecisions, question: FieldQuestion, subjects: readonly Subject[]): Decision {
  return state.policy.decide(question.typeName, question.fieldName, { caller: state.caller, subjects });
}

/**
 * Refuses (BAD_USER_INPUT) a subject that is not a well-formed resident ID or USCC; those found
 * well-formed are remembered for the request. The problem texts never repeat the value, so
 * nothing the caller typed is echoed.
 */
function checkWellFormed(found: readonly Subject[], wellFormed: RequestDecisions['wellFormed']): void {
  for (const subject of found) {
    const known = subject.kind === 'person' || subject.kind === 'company' ? wellFormed[subject.kind] : undefined;
    if (known?.has(subject.id)) continue;
    const problem =
      subject.kind === 'person'
        ? residentIdProblem(subject.id)
        : subject.kind === 'company'
          ? usccProblem(subject.id)
          : 'unknown kind';
    if (problem)
      throw badUserInput(
        subject.kind === 'company' ? 'uscc' : 'id',
        `not a well-formed ${subject.kind === 'company' ? 'USCC' : 'resident ID'}: ${problem}`,
      );
    known?.add(subject.id);
  }
}

function isEmpty(args: Record<string, unknown>): boolean {
  for (const _name in args) return false;
  return true;
}

export function callerOf(context: unknown): Caller {
  const caller = (context as { caller?: Caller } | null | undefined)?.caller;
  return caller ?? ANONYMOUS;
}
