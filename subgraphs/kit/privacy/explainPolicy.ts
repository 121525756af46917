import type { GraphQLSchema } from 'graphql';
import type { Department } from '../errors.js';
import { callerProfiles, type CallerProfile } from './callerProfiles.js';
import { explainCell, type ExplainedCell } from './explainField.js';
import { governedFields } from './governedFields.js';
import type { CompiledPolicy, PolicyRegistry } from './types.js';

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
  departments: Array<{ department: Department; fields: ExplainedField[] }>;
}

export interface ExplainPolicyOptions {
  registry: PolicyRegistry;
  departments: ReadonlyArray<{ department: Department; policy: CompiledPolicy; schema: GraphQLSchema }>;
}

/**
 * Who may see which field, for every field each department's policy classifies and every
 * caller profile (see callerProfiles): the model behind `npm run policy:explain`.
 */
export function explainPolicy({ registry, departments }: ExplainPolicyOptions): PolicyExplanation {
  const profiles = callerProfiles(registry);
  return {
    profiles,
    departments: departments.map(({ department, policy, schema }) => ({
      department,
      fields: governedFields(schema).map(({ typeName, fieldName }) => ({
        typeName,
        fieldName,
        protected: policy.isProtected(typeName, fieldName),
        cells: profiles.map((profile) => explainCell(policy, typeName, fieldName, profile)),
      })),
    })),
  };
}
