import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  Kind,
  typeFromAST,
  type ASTVisitor,
  type GraphQLScalarType,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { badUserInput, DateScalar, DateTimeScalar, DecimalScalar, graphError, PeriodScalar } from '../core/index.js';

/**
 * The departments' scalars, as kit defines them. The supergraph only names them, so without this
 * the gateway would pass `accessLog(from: "x")` on, the subgraph would refuse its own query, and
 * the caller would read that department as unavailable (and, in a department, count a fault).
 */
const KIT_SCALARS: ReadonlyMap<string, GraphQLScalarType> = new Map(
  [DateScalar, DateTimeScalar, DecimalScalar, PeriodScalar].map((scalar) => [scalar.name, scalar]),
);

/**
 * Refuses a literal argument that is not a valid value of one of kit's scalars as BAD_USER_INPUT
 * naming the argument (400: the request cannot run), before any department is asked.
 */
export function checkScalarLiteralsRule(): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Argument(node) {
      const definition = context.getArgument();
      const scalar = definition && KIT_SCALARS.get(getNamedType(definition.type).name);
      if (!scalar || node.value.kind === Kind.VARIABLE || node.value.kind === Kind.NULL) return;
      try {
        scalar.parseLiteral(node.value);
      } catch (error) {
        context.reportError(badUserInput(node.name.value, problemOf(error)));
      }
    },
  });
}

/**
 * The same check for the request's variables, once they are known: a malformed value is
 * BAD_USER_INPUT (400) naming the variable. Variables of other types are checked by graphql.
 */
export function checkScalarVariables<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          for (const definition of operation?.variableDefinitions ?? []) {
            const type = typeFromAST(schema, definition.type);
            const scalar = type ? KIT_SCALARS.get(getNamedType(type).name) : undefined;
            const value = request.variables?.[definition.variable.name.value];
            if (!scalar || value === undefined || value === null) continue;
            try {
              scalar.parseValue(value);
            } catch (error) {
              const name = definition.variable.name.value;
              throw graphError('BAD_USER_INPUT', `Invalid $${name}: ${problemOf(error)}.`, {
                argument: name,
                http: { status: 400 },
              });
            }
          }
        },
      };
    },
  };
}

/** The scalar's own words (kit writes them for callers); anything else stays unsaid. */
function problemOf(error: unknown): string {
  return error instanceof GraphQLError ? error.message : 'not a valid value';
}
