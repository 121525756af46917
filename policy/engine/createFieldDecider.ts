import { ANONYMOUS, type Caller } from '../../core/caller.js';
import { badUserInput } from '../../core/errors.js';
import { residentIdProblem, usccProblem } from '../../core/ids.js';
import type { CompiledPolicy, Decision, DecisionEvent, Subject, SubjectResolvers } from './types.js';

export interface FieldDeciderOptions {
  /** The policy in force; read once per request, so one request is decided by one version. */
  getPolicy: () => CompiledPolicy;
  /** Whose data each type's (or "Type.field"'s) values are; a type without one has no subjects. */
  subjects: SubjectResolvers;
  /** Told of every decision on a protected field (for the access log), with the request's context; never given the value. */
  onDecision?: (event: DecisionEvent, context: unknown) => void;
}

export interface FieldQuestion {
  typeName: string;
  fieldName: string;
  parent: unknown;
  args: Record<string, unknown>;
  context: unknown;
}

const NO_SUBJECTS: readonly Subject[] = Object.freeze([]);

interface RequestDecisions {
  policy: CompiledPolicy;
  decided: Map<string, Decision>;
  /** Subjects already found well-formed in this request (a list names the same ones again and again). */
  wellFormed: Set<string>;
}

/**
 * The one place a field's decision is made (createPolicyMiddleware asks it for every field,
 * skipDeniedEntityLoads before loading an entity). Per request it keeps the policy version in
 * force when the request began and every decision taken, keyed by field and subjects: the caller
 * is the same throughout a request, so 1,000 list items about one company cost one decision,
 * and 1,000 about different people cost one cheap look-up each.
 *
 * A subject that is not a well-formed resident ID or USCC is refused (BAD_USER_INPUT) before
 * the policy is asked, so no caller-made string is decided on, recorded or sent to a legacy system.
 */
export function createFieldDecider(options: FieldDeciderOptions) {
  const { getPolicy, subjects, onDecision } = options;
  const requests = new WeakMap<object, RequestDecisions>();

  const stateOf = (context: unknown): RequestDecisions => {
    if (typeof context !== 'object' || context === null)
      return { policy: getPolicy(), decided: new Map(), wellFormed: new Set<string>() };
    let state = requests.get(context);
    if (!state)
      requests.set(context, (state = { policy: getPolicy(), decided: new Map(), wellFormed: new Set<string>() }));
    return state;
  };

  const subjectsOf = (question: FieldQuestion, wellFormed: Set<string>): readonly Subject[] => {
    const entry = subjects[`${question.typeName}.${question.fieldName}`] ?? subjects[question.typeName];
    if (!entry) return NO_SUBJECTS;
    const found = entry.subjects(question.parent, question.args);
    for (const subject of found) {
      const key = `${subject.kind}:${subject.id}`;
      if (wellFormed.has(key)) continue;
      const problem =
        subject.kind === 'person'
          ? residentIdProblem(subject.id)
          : subject.kind === 'company'
            ? usccProblem(subject.id)
            : 'unknown kind';
      // The problem texts never repeat the value, so nothing the caller typed is echoed.
      if (problem)
        throw badUserInput(
          subject.kind === 'company' ? 'uscc' : 'id',
          `not a well-formed ${subject.kind === 'company' ? 'USCC' : 'resident ID'}: ${problem}`,
        );
      wellFormed.add(key);
    }
    return found;
  };

  return {
    /** The decision on one field of one value; `record: false` asks without telling onDecision (a look ahead). */
    decide(question: FieldQuestion, record = true): Decision {
      const state = stateOf(question.context);
      const { policy } = state;
      const { typeName, fieldName } = question;
      const isProtected = policy.isProtected(typeName, fieldName);
      // A public field is everyone's whoever it is about: no need to ask (or trust) a subject resolver.
      const fieldSubjects = isProtected ? subjectsOf(question, state.wellFormed) : NO_SUBJECTS;
      let key = `${typeName}.${fieldName}`;
      for (const subject of fieldSubjects) key += `\u0000${subject.kind}:${subject.id}`;
      let decision = state.decided.get(key);
      if (!decision) {
        decision = policy.decide(typeName, fieldName, { caller: callerOf(question.context), subjects: fieldSubjects });
        state.decided.set(key, decision);
      }
      if (record && onDecision && isProtected) {
        onDecision(
          {
            department: policy.department,
            typeName,
            fieldName,
            subjects: fieldSubjects,
            decision,
            protected: true,
            policy: policy.version.hash,
          },
          question.context,
        );
      }
      return decision;
    },
  };
}

export type FieldDecider = ReturnType<typeof createFieldDecider>;

export function callerOf(context: unknown): Caller {
  const caller = (context as { caller?: Caller } | null | undefined)?.caller;
  return caller ?? ANONYMOUS;
}
