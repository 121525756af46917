import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isDecimal } from './money.js';
import { isPeriod, periodProblem } from './period.js';

/** Money: a string "12345.67" in CNY, so no float ever carries an amount (portal contract). */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact amount of money in CNY, serialised as a string with two decimals, e.g. "12345.67".',
  serialize(value) {
    if (typeof value !== 'string' || !isDecimal(value))
      throw new GraphQLError('Decimal values are strings with two decimals');
    return value;
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isDecimal(value))
      throw new GraphQLError('Decimal values are strings with two decimals, e.g. "12345.67"');
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isDecimal(ast.value))
      throw new GraphQLError('Decimal values are strings with two decimals, e.g. "12345.67"');
    return ast.value;
  },
});

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A calendar date as an ISO string "2024-03-31" (portal contract). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date as an ISO 8601 string, e.g. "2024-03-31".',
  serialize(value) {
    if (!isIsoDate(value)) throw new GraphQLError('Date values are ISO dates (YYYY-MM-DD)');
    return value;
  },
  parseValue(value) {
    if (!isIsoDate(value)) throw new GraphQLError('Date values are ISO dates (YYYY-MM-DD)');
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value))
      throw new GraphQLError('Date values are ISO dates (YYYY-MM-DD)');
    return ast.value;
  },
});

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

/** A moment as an ISO 8601 string with a time zone, e.g. "2026-11-27T10:15:00.000Z". Inputs are normalised to UTC. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'A moment in time as an ISO 8601 string with a time zone, e.g. "2026-11-27T10:15:00.000Z".',
  serialize(value) {
    if (!isDateTime(value)) throw new GraphQLError('DateTime values are ISO 8601 timestamps with a time zone');
    return value;
  },
  parseValue(value) {
    if (!isDateTime(value))
      throw new GraphQLError('DateTime values are ISO 8601 timestamps with a time zone, e.g. "2026-11-27T10:15:00Z"');
    return new Date(value).toISOString();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isDateTime(ast.value))
      throw new GraphQLError('DateTime values are ISO 8601 timestamps with a time zone, e.g. "2026-11-27T10:15:00Z"');
    return new Date(ast.value).toISOString();
  },
});

/**
 * A calendar month "2024-03" (core/period.ts): the period a contribution is paid for. Inputs
 * outside the form or the years a period may name are refused here, so the gateway refuses
 * `from: "2026-13"` before any department is asked (gateway/checkScalarInputs.ts).
 */
export const PeriodScalar = new GraphQLScalarType<string, string>({
  name: 'Period',
  description: 'A calendar month as "YYYY-MM", e.g. "2026-10": the period a contribution is paid for.',
  serialize(value) {
    if (!isPeriod(value)) throw new GraphQLError('Period values are months written YYYY-MM');
    return value;
  },
  parseValue(value) {
    const problem = periodProblem(value);
    if (problem) throw new GraphQLError(`Period values are months: ${problem}`);
    return value as string;
  },
  parseLiteral(ast) {
    const problem = periodProblem(ast.kind === Kind.STRING ? ast.value : undefined);
    if (problem) throw new GraphQLError(`Period values are months: ${problem}`);
    return (ast as { value: string }).value;
  },
});
