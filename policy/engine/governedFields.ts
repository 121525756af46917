import {
  getNamedType,
  isIntrospectionType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { isFederationField, isFederationType } from './federationFields.js';
import { keyFieldsOf } from './keyFieldsOf.js';

/** A field the policy must classify. */
export interface GovernedField {
  typeName: string;
  fieldName: string;
  /** e.g. `Decimal!`, for messages. */
  typeLabel: string;
  nonNull: boolean;
  /** The named type (String, Company, ...), to check where a mask makes sense. */
  namedType: string;
}

/**
 * Every field of every object type of a department's schema that its policy file must
 * classify: all but key fields (always readable), federation fields (always allowed) and
 * introspection (not governed by the policy), in schema order.
 */
export function governedFields(schema: GraphQLSchema): GovernedField[] {
  const keys = keyFieldsOf(schema);
  const fields: GovernedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type) || isFederationType(type.name)) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      if (isFederationField(type.name, field.name) || keys.get(type.name)?.has(field.name)) continue;
      fields.push({
        typeName: type.name,
        fieldName: field.name,
        typeLabel: String(field.type),
        nonNull: isNonNullType(field.type),
        namedType: getNamedType(field.type).name,
      });
    }
  }
  return fields;
}
