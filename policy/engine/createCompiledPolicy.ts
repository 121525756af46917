import type { Department } from '../../core/errors.js';
import type { CompiledExpression } from './compileExpression.js';
import { isFederationField } from './federationFields.js';
import type { CompiledPolicy, Decision, MaskStyle, PolicySources, PolicyVersion, SubjectReading } from './types.js';

/** A field's rule, compiled. */
export interface CompiledFieldRule {
  allow: CompiledExpression;
  mask?: { when: CompiledExpression; style: MaskStyle };
  /** Whether every caller is allowed (the rule is `public`): such a field is not personal data. */
  public: boolean;
  /** What `allow` and the mask's `when` read of the subjects, together (subjectReadingOf). */
  reads: SubjectReading;
}

const ALLOW: Decision = Object.freeze({ effect: 'allow' });
const DENY: Decision = Object.freeze({ effect: 'deny' });

/**
 * The decision table of one department (types.ts, CompiledPolicy): introspection, federation
 * and key fields are allowed; a classified field follows its rule (allow wins, then mask, else
 * deny); anything else, including a field the file does not know, is denied.
 */
export function createCompiledPolicy(
  department: Department,
  fields: ReadonlyMap<string, CompiledFieldRule>,
  keys: ReadonlyMap<string, ReadonlySet<string>>,
  version: PolicyVersion,
  sources?: PolicySources,
): CompiledPolicy {
  const masks = new Map<MaskStyle, Decision>();
  const maskDecision = (style: MaskStyle): Decision => {
    let decision = masks.get(style);
    if (!decision) masks.set(style, (decision = Object.freeze({ effect: 'mask', style })));
    return decision;
  };
  const alwaysAllowed = (typeName: string, fieldName: string): boolean =>
    // Introspection is not governed by the policy; federation and key fields are how the gateway joins.
    typeName.startsWith('__') ||
    fieldName.startsWith('__') ||
    isFederationField(typeName, fieldName) ||
    keys.get(typeName)?.has(fieldName) === true;

  return Object.freeze({
    department,
    version,
    ...(sources ? { sources } : {}),
    decide(typeName: string, fieldName: string, input: Parameters<CompiledPolicy['decide']>[2]): Decision {
      if (alwaysAllowed(typeName, fieldName)) return ALLOW;
      const rule = fields.get(`${typeName}.${fieldName}`);
      if (!rule) return DENY;
      if (rule.allow(input)) return ALLOW;
      if (rule.mask?.when(input)) return maskDecision(rule.mask.style);
      return DENY;
    },
    isProtected(typeName: string, fieldName: string): boolean {
      if (alwaysAllowed(typeName, fieldName)) return false;
      return fields.get(`${typeName}.${fieldName}`)?.public !== true;
    },
    reads(typeName: string, fieldName: string): SubjectReading {
      // Always allowed, or denied as unclassified: the same for every value, whoever it is about.
      if (alwaysAllowed(typeName, fieldName)) return 'nothing';
      return fields.get(`${typeName}.${fieldName}`)?.reads ?? 'nothing';
    },
  });
}
