import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { Department } from '../../../core/errors.js';
import { DEFAULT_PRIVACY_DIR } from '../../../core/repositoryRoot.js';
import {
  createFieldDecider,
  loadPolicy,
  loadRegistry,
  watchPolicy,
  type CompiledPolicy,
  type DecisionBatch,
  type DecisionEvent,
  type PolicyLoadResult,
  type PolicyProblem,
  type PolicyVersion,
  type SubjectResolvers,
} from '../../../policy/index.js';
import type { SchemaPlugin } from '../SchemaPlugin.js';
import { createPolicyMiddleware } from './createPolicyMiddleware.js';
import { skipDeniedEntityLoads } from './skipDeniedEntityLoads.js';

export interface PrivacyPolicyOptions {
  department: Department;
  /** Whose data each type holds (subgraphs/<dept>/subjects.ts). */
  subjects: SubjectResolvers;
  /** Defaults to privacy/<department>.yaml (a deployed subgraph's comes from PRIVACY_DIR, SubgraphSettings.policyFile). */
  policyFile?: string;
  /** Defaults to privacy/roles.yaml beside the policy file. */
  rolesFile?: string;
  onDecision?(event: DecisionEvent, context: unknown): void;
  /** Told once per request, protected field and decision, with the batch of its values' subjects (the access log's way). */
  onDecisionBatch?(batch: DecisionBatch, context: unknown): void;
  /** Told of each policy version put in force (at start and on every accepted reload), e.g. to keep its text in the access log. */
  onVersion?(version: PolicyVersion): void;
  /** Where reloads and refusals are reported (operators' log). */
  log(entry: Record<string, unknown>): void;
}

/**
 * The privacy policy as the kit's plugin around a subgraph's schema (startSubgraph's list): given
 * the built schema, it puts the department's policy in force on it, and on close stops watching
 * the policy's files. The engine is policy/'s; this is only its GraphQL side.
 */
export function usePrivacyPolicy(options: PrivacyPolicyOptions): SchemaPlugin {
  let enforced: { close(): void } | undefined;
  return {
    name: 'privacy-policy',
    onSchema(schema) {
      if (enforced) throw new Error('usePrivacyPolicy: the plugin wraps one schema');
      const result = enforcePolicy(options, schema);
      enforced = result;
      return result.schema;
    },
    onClose: () => enforced?.close(),
  };
}

/**
 * Puts a department's privacy policy in force on its schema: checked at start (a bad file stops
 * the start), applied with graphql-shield on every field (entities the caller may see nothing
 * of are not even loaded), and reloaded when the file changes —
 * a file that fails the check is refused and the last good policy stays (DESIGN.md, "Privacy policy").
 */
function enforcePolicy(options: PrivacyPolicyOptions, built: GraphQLSchema): { schema: GraphQLSchema; close(): void } {
  // PRIVACY_DIR is read once, by the subgraph's config (runSubgraphMain hands the file down).
  const policyFile = options.policyFile ?? join(DEFAULT_PRIVACY_DIR, `${options.department}.yaml`);
  const rolesFile = options.rolesFile ?? join(policyFile, '..', 'roles.yaml');
  const load = (): PolicyLoadResult => {
    const registry = loadRegistry(rolesFile);
    if (!registry.ok) return registry;
    return loadPolicy({
      file: policyFile,
      department: options.department,
      schema: built,
      registry: registry.registry,
    });
  };
  const first = load();
  if (!first.ok)
    throw new Error(`The privacy policy of ${options.department} fails the check:\n${describe(first.problems)}`);
  let current: CompiledPolicy = first.policy;
  options.onVersion?.(current.version);
  const watcher = watchPolicy({
    file: policyFile,
    // The shared rules (privacy/rules.yaml) decide too: saving them reloads every department.
    alsoWatch: [rolesFile, join(policyFile, '..', 'rules.yaml')],
    load,
    onChange: (policy) => {
      current = policy;
      options.onVersion?.(policy.version);
      options.log({
        level: 'info',
        department: options.department,
        msg: 'privacy policy reloaded',
        file: policyFile,
        version: policy.version.hash,
      });
    },
    onRefused: (problems) => {
      options.log({
        level: 'warn',
        department: options.department,
        msg: 'privacy policy change refused; the last good policy stays in force',
        problems: problems.map(problemLine),
      });
    },
  });
  const decider = createFieldDecider({
    getPolicy: () => current,
    subjects: options.subjects,
    onDecision: options.onDecision,
    onDecisionBatch: options.onDecisionBatch,
  });
  const schema = applyMiddleware(built, ...createPolicyMiddleware(decider));
  skipDeniedEntityLoads(schema, decider);
  return { schema, close: () => watcher.close() };
}

function problemLine(problem: PolicyProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

function describe(problems: readonly PolicyProblem[]): string {
  return problems.map((problem) => `  ${problemLine(problem)}`).join('\n');
}
