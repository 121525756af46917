import type { GraphQLSchema } from 'graphql';
import type { Department } from '../../core/errors.js';
import { governedFields, type CompiledPolicy, type PolicyRegistry, type SubjectResolvers } from '../engine/index.js';
import { callerProfiles, type CallerProfile } from './callerProfiles.js';
import { explainCell, type ExplainedCell } from './explainField.js';

export interface ExplainedField {
  typeName: string;
  fieldName: string;
  /** False for public fields (not personal data; not in the access log). */
  protected: boolean;
  /** One per profile, in the profiles' order. */
  cells: ExplainedCell[];
}

export interface PolicyExplanation {
  profiles: CallerProfile[];
  /** `subjects`: whose data each type (or "Type.field") is, when the department's entries were given. */
  departments: Array<{
    department: Department;
    fields: ExplainedField[];
    subjects: Array<{ on: string; about: string }>;
  }>;
}

export interface ExplainPolicyOptions {
  registry: PolicyRegistry;
  departments: ReadonlyArray<{
    department: Department;
    policy: CompiledPolicy;
    schema: GraphQLSchema;
    subjects?: SubjectResolvers;
  }>;
}

/**
 * Who may see which field, for every field each department's policy classifies and every
 * caller profile (see callerProfiles): the model behind `npm run policy:explain`.
 */
export function explainPolicy({ registry, departments }: ExplainPolicyOptions): PolicyExplanation {
  const profiles = callerProfiles(registry);
  return {
    profiles,
    departments: departments.map(({ department, policy, schema, subjects }) => ({
      department,
      subjects: Object.entries(subjects ?? {}).map(([on, entry]) => ({ on, about: entry.about })),
      fields: governedFields(schema).map(({ typeName, fieldName }) => ({
        typeName,
        fieldName,
        protected: policy.isProtected(typeName, fieldName),
        cells: profiles.map((profile) => explainCell(policy, typeName, fieldName, profile)),
      })),
    })),
  };
}
