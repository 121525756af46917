/**
 * The engine: what a policy says and how it decides (DESIGN.md, "Privacy policy"). The
 * vocabulary (types.ts), the built-in predicates as one table, expressions compiled to
 * functions, the masks, a department's compiled policy and the field decider that asks it once
 * per field and what the field's rule reads of the subjects (subjectReadingOf), and the schema
 * facts every room reads (governed, key and federation fields). It reads no file: load/ turns the officers' files into what this room decides with.
 */
export type {
  BuiltInPredicate,
  CheckedFile,
  CompiledPolicy,
  Decision,
  DecisionBatch,
  DecisionEvent,
  DecisionInput,
  FieldRule,
  MaskStyle,
  PolicyExpression,
  PolicyLoadResult,
  PolicyProblem,
  PolicyRegistry,
  PolicySources,
  PolicyVersion,
  RegistryLoadResult,
  Subject,
  SubjectEntry,
  SubjectReading,
  SubjectResolvers,
} from './types.js';
export { builtInPredicates } from './builtInPredicates.js';
export { compileExpression, type CompiledExpression } from './compileExpression.js';
export { isAlwaysTrue } from './isAlwaysTrue.js';
export { subjectReadingOf, widerReading } from './subjectReadingOf.js';
export { isCallerAmong } from './isCallerAmong.js';
export { createCompiledPolicy, type CompiledFieldRule } from './createCompiledPolicy.js';
export {
  createFieldDecider,
  type FieldDecider,
  type FieldDeciderOptions,
  type FieldQuestion,
} from './createFieldDecider.js';
export { defineSubjects, type TypedSubjects } from './defineSubjects.js';
export { applyMask, MASK_STYLES, MASKS } from './masks/applyMask.js';
export { FEDERATION_FIELDS, isFederationField, isFederationType } from './federationFields.js';
export { keyFieldsOf } from './keyFieldsOf.js';
export { governedFields, type GovernedField } from './governedFields.js';
