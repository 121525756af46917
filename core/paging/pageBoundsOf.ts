import {
  getNamedType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { listSizeOfField } from './listSize.js';

/**
 * A paged field's bounds, as its schema declares them once for both sides: the gateway's cost
 * model prices the list by the same declaration (gateway/readCostDirectives.ts), so the page a
 * subgraph serves and the page the gateway charges for cannot drift apart.
 */
export interface PageBounds {
  /** The argument that sizes a page: the @listSize's slicing argument (`first`). */
  argument: string;
  /** The page when the caller leaves the argument out: its default in the schema (`first: Int = 20`). */
  defaultSize: number;
  /** The largest page: the list's `@listSize(assumedSize:)`, or for a page object its sized list's. */
  maxSize: number;
  /** Whether the field takes an `after` cursor, so a refusal can point to the next page. */
  paged: boolean;
}

/** What a resolver knows of its field; a GraphQLResolveInfo is one. */
export type FieldOfSchema = Pick<GraphQLResolveInfo, 'schema' | 'parentType' | 'fieldName'>;

const boundsByField = new WeakMap<GraphQLField<unknown, unknown>, PageBounds>();

/**
 * The page bounds of the field being resolved, read from its schema's `@listSize` and slicing
 * argument (once per field: the schema does not change while it serves). Throws a plain Error
 * when the schema declares no bounds: that is the department's mistake, never the caller's, and
 * pagedFields.test.ts finds it in every department's schema before anyone calls.
 */
export function pageBoundsOf(info: FieldOfSchema): PageBounds {
  const field = info.parentType.getFields()[info.fieldName];
  if (!field) throw new Error(`${info.parentType.name}.${info.fieldName} is not a field of the schema`);
  let bounds = boundsByField.get(field);
  if (!bounds) {
    bounds = readPageBounds(info.schema, info.parentType, field);
    boundsByField.set(field, bounds);
  }
  return bounds;
}

function readPageBounds(
  schema: GraphQLSchema,
  parentType: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): PageBounds {
  const key = `${parentType.name}.${field.name}`;
  const listSize = listSizeOfField(schema, field);
  if (!listSize) throw new Error(`${key} declares no @listSize: its page has no bounds`);
  const argument = listSize.slicingArguments[0];
  const defaultSize = field.args.find((candidate) => candidate.name === argument)?.defaultValue;
  if (argument === undefined || !isPositiveInteger(defaultSize))
    throw new Error(`${key}: @listSize needs a slicing argument with a default, the page when it is left out`);
  const sizedName = listSize.sizedFields[0];
  const pageType = getNamedType(field.type);
  const sized = sizedName !== undefined && isObjectType(pageType) ? pageType.getFields()[sizedName] : undefined;
  const maxSize = sizedName === undefined ? listSize.assumedSize : sized && listSizeOfField(schema, sized)?.assumedSize;
  if (!isPositiveInteger(maxSize) || maxSize < defaultSize)
    throw new Error(`${key}: the largest page is the list's @listSize(assumedSize:), at least the default page`);
  return { argument, defaultSize, maxSize, paged: field.args.some((candidate) => candidate.name === 'after') };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
