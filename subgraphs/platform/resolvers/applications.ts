import {
  badUserInput,
  canonicalId,
  graphError,
  pageBoundsOf,
  pageSize,
  residentIdProblem,
  type ApplicationsService,
  type AuthenticatedCaller,
  type Caller,
} from '../../kit/index.js';
import { applicationRecord, type ApplicationRecord, type PendingDecisionRecord } from '../ApplicationViews.js';
import type {
  ApplicationResolvers,
  ApplicationStepResolvers,
  MatterResolvers,
  MutationResolvers,
  PendingDecisionResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.js';
import type { PlatformContext } from '../loaders.js';

/**
 * The one-stop applications in the graph (docs/applications.md): the catalogue, applying, the
 * applicant's own applications, and officers' decisions. Each resolver asks the applications
 * service (applications/graph/ApplicationsFrontDesk.ts); privacy/platform.yaml decides who sees
 * what, and the kit records every access under the applicant.
 */
function service(context: PlatformContext): ApplicationsService {
  const applications = context.loaders.applications;
  if (!applications)
    throw graphError(
      'APPLICATIONS_UNAVAILABLE',
      'Applications are not configured on this graph: nothing was applied for.',
    );
  return applications;
}

/** The applicant a caller is: a resident applies as a resident, a company as a company. */
function applicantOf(caller: AuthenticatedCaller) {
  return { kind: caller.kind === 'company' ? ('company' as const) : ('resident' as const), id: caller.sub };
}

function signedIn(caller: Caller): AuthenticatedCaller {
  if (caller.kind === 'anonymous') throw graphError('FORBIDDEN', 'Sign in to apply or to follow an application.');
  return caller;
}

/** `<application id>/<step>`, as PendingDecision.step gives it. */
function splitStep(step: string): { applicationId: string; step: string } {
  const at = step.lastIndexOf('/');
  if (at <= 0 || at === step.length - 1 || step.length > 200)
    throw badUserInput('step', 'give the step as PendingDecision.step gives it');
  return { applicationId: step.slice(0, at), step: step.slice(at + 1) };
}

/** Whether an officer may read an application: one of its steps is decided by a role the officer holds. */
function decides(caller: AuthenticatedCaller, record: ApplicationRecord, applications: ApplicationsService): boolean {
  return (
    caller.kind === 'officer' &&
    record.view.steps.some((step) => {
      const decider = applications.deciderOf(record.view.matter, step.step);
      return decider !== null && caller.roles.includes(decider.role);
    })
  );
}

export const applicationsQuery: Pick<QueryResolvers, 'matters' | 'matter' | 'pendingDecisions' | 'application'> = {
  matters: (_root, _args, context) => [...service(context).matters()],
  matter: (_root, { name }, context) => service(context).matter(name),
  pendingDecisions: async (_root, { department, first }, context, info) => {
    const caller = signedIn(context.caller);
    const applications = service(context);
    const limit = pageSize(first, pageBoundsOf(info));
    const pending = await applications.pendingDecisions(department, caller.roles, limit);
    const records: PendingDecisionRecord[] = [];
    for (const entry of pending) {
      const view = await applications.find(entry.applicationId);
      if (view) records.push({ pending: entry, application: view, subject: applicationRecord(view).subject });
    }
    return records;
  },
  application: async (_root, { id }, context) => {
    const caller = signedIn(context.caller);
    const applications = service(context);
    if (id.length > 100) return null;
    const view = await applications.find(id);
    if (!view) return null;
    const record = applicationRecord(view);
    // Anyone else learns nothing, not even that it exists.
    const own = caller.kind !== 'officer' && view.applicant.id === caller.sub;
    return own || decides(caller, record, applications) ? record : null;
  },
};

export const applicationsMutation: MutationResolvers = {
  applyFor: async (_root, { matter, applicant, input, idempotencyKey }, context) => {
    const caller = signedIn(context.caller);
    // The policy (applyFor: self or companySelf) has let only the applicant themself this far.
    const id = canonicalId(applicant);
    if (id !== caller.sub) throw graphError('FORBIDDEN', 'Nobody applies for someone else.');
    // A matter asks for at most 20 inputs (applications/matters/Matter.ts): more is never a real form.
    if (input.length > 20) throw badUserInput('input', 'at most 20 answers');
    const answers: Record<string, string> = {};
    for (const { name, value } of input) {
      if (name in answers) throw badUserInput(`input.${name.slice(0, 40)}`, 'is given twice');
      answers[name] = value;
    }
    const view = await service(context).apply({
      matter,
      applicant: { kind: residentIdProblem(id) === null ? 'resident' : 'company', id },
      input: answers,
      idempotencyKey,
    });
    return applicationRecord(view);
  },
  decide: async (_root, { step, approve, reason }, context) => {
    const caller = signedIn(context.caller);
    const { applicationId, step: name } = splitStep(step);
    const view = await service(context).decide({
      applicationId,
      step: name,
      approve,
      reason: reason ?? '',
      officer: { id: caller.sub, roles: caller.roles, purpose: caller.purpose },
    });
    return applicationRecord(view);
  },
};

/** Person.applications, Company.applications: the applicant's own, newest first. */
export function applicationsOfApplicant(kind: 'resident' | 'company') {
  return async (
    parent: { id?: string; uscc?: string },
    args: { first?: number | null },
    context: PlatformContext,
    info: Parameters<typeof pageBoundsOf>[0],
  ): Promise<ApplicationRecord[]> => {
    const limit = pageSize(args.first, pageBoundsOf(info));
    const id = kind === 'resident' ? parent.id! : parent.uscc!;
    const views = await service(context).applicationsOf({ kind, id }, limit);
    return views.map(applicationRecord);
  };
}

/** Person.prefill(matter:): what the departments know for the form, read now as this resident. */
export async function prefillFor(person: { id: string }, matter: string, context: PlatformContext) {
  const caller = signedIn(context.caller);
  const values = await service(context).prefill(applicantOf(caller), matter);
  // The policy (self) has let only the person themself this far; the reads were theirs too.
  return values.map((value) => ({ ...value, subject: { kind: 'person' as const, id: person.id } }));
}

export const Matter: MatterResolvers = {
  applicants: (matter) => matter.applicants.map((kind) => (kind === 'company' ? 'COMPANY' : 'RESIDENT')),
  inputs: (matter) =>
    Object.entries(matter.inputs).map(([name, input]) => ({
      name,
      label: input.label,
      type: input.type.toUpperCase() as 'TEXT',
      choices: input.choices ?? null,
    })),
  steps: (matter) =>
    Object.entries(matter.steps).map(([name, step]) => ({
      name,
      department: step.department,
      decidedBy: step.decidedBy?.role ?? null,
    })),
  prefillPurpose: (matter) => matter.prefill?.purpose ?? null,
};

export const Application: ApplicationResolvers = {
  id: ({ view }) => view.id,
  matter: ({ view }, _args, context) => service(context).matter(view.matter),
  applicant: ({ view }) => view.applicant.id,
  status: ({ view }) => view.status,
  reason: ({ view }) => view.reason,
  officerTasks: ({ view }) => view.officerTasks,
  submittedAt: ({ view }) => view.submittedAt.toISOString(),
  promisedBy: ({ view }) => view.promisedBy.toISOString(),
  steps: ({ view, subject }) => view.steps.map((step) => ({ step, subject })),
  answers: ({ view, subject }) =>
    Object.entries(view.answers ?? {}).map(([name, value]) => ({
      name,
      value,
      subject,
    })),
};

export const ApplicationStep: ApplicationStepResolvers = {
  name: ({ step }) => step.step,
  department: ({ step }) => step.department,
  status: ({ step }) => step.status,
  reason: ({ step }) => step.reason,
  at: ({ step }) => step.at.toISOString(),
  outputs: ({ step, subject }) =>
    Object.entries(step.output ?? {})
      .filter(([name]) => name !== '__typename')
      .map(([name, value]) => ({ name, value: String(value), subject })),
};

export const PendingDecision: PendingDecisionResolvers = {
  step: ({ pending }) => `${pending.applicationId}/${pending.step}`,
  name: ({ pending }) => pending.step,
  application: ({ application }) => applicationRecord(application),
  role: ({ pending }) => pending.role,
  since: ({ pending }) => pending.since.toISOString(),
};
