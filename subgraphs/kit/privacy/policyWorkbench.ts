import { execFileSync } from 'node:child_process';
import { basename, resolve } from 'node:path';
import type { Department } from '../../../core/errors.js';
import { checkPolicies, type PolicyCheck } from './checkPolicies.js';
import { diffExplanations, type PolicyChange } from './diffExplanations.js';
import { describeRule } from './explainDecision.js';
import { explainPolicy } from './explainPolicy.js';
import { findUnreachableGrants } from './findUnreachableGrants.js';
import { REPOSITORY_ROOT } from './loadDepartmentSchema.js';
import { readCommittedPolicy } from './readCommittedPolicy.js';
import { describeCell } from './renderExplanation.js';

export interface PolicyWorkbenchOptions {
  /** Every department, with its SDL file relative to the repository root (registry/departments.ts). */
  departments: ReadonlyArray<{ name: Department; schemaFile: string }>;
  /** The policy folder in force (PRIVACY_DIR or privacy/). */
  policyFolder?: string;
  root?: string;
}

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

export type WorkbenchAnswer<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

/**
 * The privacy officers' workbench (gateway/privacyWorkbench.ts serves it at /privacy/): the
 * policy table, the committed versions of privacy/, and the changes since one of them, all
 * computed with the engine the subgraphs enforce with. Each call reads the files afresh, so the
 * page shows a saved change at once, as the subgraphs apply it.
 */
export function createPolicyWorkbench(options: PolicyWorkbenchOptions) {
  const root = options.root ?? REPOSITORY_ROOT;
  const check = (): PolicyCheck =>
    checkPolicies({
      departments: options.departments,
      root,
      ...(options.policyFolder ? { policyFolder: resolve(options.policyFolder) } : {}),
    });
  const failing = (result: PolicyCheck, what: string): WorkbenchAnswer<never> => ({
    ok: false,
    status: 409,
    code: 'POLICY_INVALID',
    message: `${what} fails npm run policy:check: ${result.files
      .flatMap((file) =>
        file.problems.map((problem) => `${basename(problem.file)}:${problem.line}: ${problem.message}`),
      )
      .slice(0, 5)
      .join(' | ')}`,
  });

  return {
    table(): WorkbenchAnswer<PolicyTable> {
      const result = check();
      if (!result.ok || !result.registry) return failing(result, 'The policy in force');
      const explanation = explainPolicy({ registry: result.registry, departments: result.policies });
      const warnings = findUnreachableGrants({
        registry: result.registry,
        departments: result.policies,
      });
      return {
        ok: true,
        value: {
          profiles: explanation.profiles.map(({ id, label }) => ({ id, label })),
          purposes: [...result.registry.purposes].map(([name, description]) => ({ name, description })),
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
        },
      };
    },

    /** The last commits that changed privacy/, newest first, to pick a version to compare with. */
    versions(): Array<{ sha: string; date: string; subject: string }> {
      try {
        return execFileSync('git', ['log', '-n', '50', '--format=%H%x1f%cI%x1f%s', '--', 'privacy/'], {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        })
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [sha, date, subject] = line.split('\x1f') as [string, string, string];
            return { sha, date, subject: subject.slice(0, 200) };
          });
      } catch {
        // Not a git checkout (a deployment's copy): nothing to compare with.
        return [];
      }
    },

    /** What changes for whom from the policy committed at `ref` to the policy in force. */
    diff(ref: string): WorkbenchAnswer<{ ref: string; sha: string; changes: PolicyChange[] }> {
      const committed = readCommittedPolicy(ref, { departments: options.departments, root });
      if (!committed.ok)
        return {
          ok: false,
          status: committed.code === 'BAD_REF' ? 400 : 404,
          code: committed.code,
          message: committed.message,
        };
      if (!committed.check.ok || !committed.check.registry)
        return failing(committed.check, `The policy committed at ${ref}`);
      const now = check();
      if (!now.ok || !now.registry) return failing(now, 'The policy in force');
      const before = explainPolicy({ registry: committed.check.registry, departments: committed.check.policies });
      const after = explainPolicy({ registry: now.registry, departments: now.policies });
      return { ok: true, value: { ref, sha: committed.sha, changes: diffExplanations(before, after) } };
    },
  };
}

export type PolicyWorkbench = ReturnType<typeof createPolicyWorkbench>;
