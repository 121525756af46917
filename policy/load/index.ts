/**
 * Loading: privacy officers' YAML files read, checked and compiled. A department's policy
 * (loadPolicy) against its subgraph schema, the roles and purposes (loadRegistry), the shared
 * rules (loadSharedRules); every problem with its line and column, worded for the officer who
 * edits the file. A policy's version is the hash of the texts it came from; watchPolicy reloads
 * a saved file in a running subgraph, and only if it passes.
 */
export { loadPolicy, type LoadPolicyOptions } from './loadPolicy.js';
export { loadRegistry } from './loadRegistry.js';
export { loadSharedRules, SHARED_RULES_FILE, type SharedRules, type SharedRulesLoadResult } from './loadSharedRules.js';
export { loadDepartmentSchema } from './loadDepartmentSchema.js';
export { readYamlFile, type YamlFile } from './readYamlFile.js';
export { policyVersionOf } from './policyVersionOf.js';
export { watchPolicy, POLICY_RELOAD_DEBOUNCE_MS, type WatchPolicyOptions } from './watchPolicy.js';
// The hint every file-reading room words its messages with.
export { didYouMean } from './didYouMean.js';
