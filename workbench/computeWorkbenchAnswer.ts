import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, sep } from 'node:path';
import type { Department } from '../core/errors.js';
import {
  checkPolicies,
  describeCell,
  describeRule,
  diffExplanations,
  explainPolicy,
  findUnreachableGrants,
  type PolicyChange,
  type PolicyCheck,
} from './policyEngine.js';

/** What the workbench page shows of the policy in force: policy:explain's table, with each rule and its line. */
export interface PolicyTable {
  profiles: Array<{ id: string; label: string }>;
  /** roles.yaml's purposes, for the access log search. */
  purposes: Array<{ name: string; description: string }>;
  departments: Array<{
    department: string;
    fields: Array<{
      field: string;
      protected: boolean;
      /** The rule as written, and where (`tax.yaml:37`). */
      rule: string;
      at: string;
      cells: Array<{ effect: 'allow' | 'mask' | 'deny'; text: string }>;
    }>;
  }>;
  /** policy:check's reachability warnings. */
  warnings: Array<{ at: string; message: string }>;
}

/** A refusal with the workbench's JSON error shape: an HTTP status, a stable code, and what to do. */
export interface WorkbenchRefused {
  ok: false;
  status: number;
  code: string;
  message: string;
  /** For WORKBENCH_BUSY: the Retry-After header. */
  retryAfterSeconds?: number;
}

export type WorkbenchAnswer<T> = { ok: true; value: T } | WorkbenchRefused;

/** Where the policy in force is: plain data, so a task crosses to the workbench's worker thread. */
export interface PolicyInForce {
  departments: ReadonlyArray<{ name: Department; schemaFile: string }>;
  root: string;
  /** Absolute; absent for <root>/privacy. */
  policyFolder?: string;
  /** The hash of the files in force (createPolicyWorkbench's policyVersionOfFiles), under which their check is kept. */
  version: string;
}

export type WorkbenchTask =
  | ({ kind: 'table' } & PolicyInForce)
  | ({
      kind: 'diff';
      ref: string;
      sha: string;
      /** The files committed at `sha` (readCommittedFiles): path → text. */
      committed: Record<string, string>;
    } & PolicyInForce);

export type WorkbenchTaskAnswer = WorkbenchAnswer<PolicyTable> | WorkbenchAnswer<PolicyChange[]>;

/**
 * The CPU work of the workbench, synchronous: compiling policies with the engine the subgraphs
 * enforce with and explaining them. It runs in the workbench's worker thread
 * (policyWorkbenchWorker.ts), never on the gateway's event loop. The check of the policy in force
 * is kept for its version, so a diff after the table compiles only the committed side.
 */
export function computeWorkbenchAnswer(task: WorkbenchTask): WorkbenchTaskAnswer {
  const now = checkInForce(task);
  if (!now.ok || !now.registry) return failing(now, 'The policy in force');
  if (task.kind === 'table') return { ok: true, value: toPolicyTable(now) };
  const committed = checkCommitted(task);
  if (!committed.ok || !committed.registry) return failing(committed, `The policy committed at ${task.ref}`);
  const before = explainPolicy({ registry: committed.registry, departments: committed.policies });
  const after = explainPolicy({ registry: now.registry, departments: now.policies });
  return { ok: true, value: diffExplanations(before, after) };
}

// One entry: the policy in force changes rarely, and a new version replaces the old one.
let inForce: { key: string; check: PolicyCheck } | null = null;

function checkInForce(task: PolicyInForce): PolicyCheck {
  const key = JSON.stringify([task.root, task.policyFolder ?? null, task.version]);
  if (inForce?.key !== key)
    inForce = {
      key,
      check: checkPolicies({
        departments: task.departments,
        root: task.root,
        ...(task.policyFolder ? { policyFolder: task.policyFolder } : {}),
      }),
    };
  return inForce.check;
}

/** The committed files written to a temporary folder (the engine reads files), checked, and the folder removed. */
function checkCommitted(task: Extract<WorkbenchTask, { kind: 'diff' }>): PolicyCheck {
  const folder = mkdtempSync(join(tmpdir(), 'policy-at-'));
  try {
    for (const [file, text] of Object.entries(task.committed)) {
      const path = join(folder, file);
      // readCommittedFiles gives repository paths; nothing may land outside the folder.
      if (!path.startsWith(`${folder}${sep}`)) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    const check = checkPolicies({
      departments: task.departments.filter(({ schemaFile }) => schemaFile in task.committed),
      root: folder,
    });
    // Problem paths point into the temporary folder; show them as the committed paths.
    const atRef = (path: string) =>
      path.startsWith(folder) ? `${task.sha.slice(0, 12)}:${path.slice(folder.length + 1)}` : path;
    for (const file of check.files) {
      file.file = atRef(file.file);
      for (const problem of file.problems) problem.file = atRef(problem.file);
    }
    return check;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function failing(result: PolicyCheck, what: string): WorkbenchRefused {
  return {
    ok: false,
    status: 409,
    code: 'POLICY_INVALID',
    message: `${what} fails npm run policy:check: ${result.files
      .flatMap((file) =>
        file.problems.map((problem) => `${basename(problem.file)}:${problem.line}: ${problem.message}`),
      )
      .slice(0, 5)
      .join(' | ')}`,
  };
}

function toPolicyTable(result: PolicyCheck): PolicyTable {
  const registry = result.registry!;
  const explanation = explainPolicy({ registry, departments: result.policies });
  const warnings = findUnreachableGrants({ registry, departments: result.policies });
  return {
    profiles: explanation.profiles.map(({ id, label }) => ({ id, label })),
    purposes: [...registry.purposes].map(([name, description]) => ({ name, description })),
    departments: explanation.departments.map(({ department, fields }) => {
      const policy = result.policies.find((entry) => entry.department === department)!.policy;
      return {
        department,
        fields: fields.map((field) => {
          const written = policy.sources?.fields.get(`${field.typeName}.${field.fieldName}`);
          return {
            field: `${field.typeName}.${field.fieldName}`,
            protected: field.protected,
            rule: written ? describeRule(written.rule) : 'not classified: denied',
            at: written ? `${basename(written.file)}:${written.line}` : '',
            cells: field.cells.map((cell) => ({ effect: cell.decision.effect, text: describeCell(cell) })),
          };
        }),
      };
    }),
    warnings: warnings.map((warning) => ({
      at: `${basename(warning.file)}:${warning.line}`,
      message: warning.message,
    })),
  };
}
