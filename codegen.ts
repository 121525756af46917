import type { CodegenConfig } from '@graphql-codegen/cli';
import { DEPARTMENT_NAMES, type Department } from './registry/departments.js';

/**
 * `npm run codegen`: typed resolvers for each subgraph (federation-aware, with parents mapped to
 * the legacy adapters' records) and typed documents for the example portal operations. Output
 * goes to generated/ folders, never edited by hand; a test fails when it is stale.
 */

const SCALARS = { Decimal: 'string', Date: 'string' };
const KIT_REFERENCES = '../../kit/index.js';

function subgraph(
  department: Department,
  mappers: Record<string, string>,
  contextType: string,
  scalars: Record<string, string> = SCALARS,
) {
  return {
    schema: `subgraphs/${department}/schema.graphql`,
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      useTypeImports: true,
      enumsAsTypes: true,
      scalars,
      contextType,
      mappers,
    },
  };
}

interface ResolverTypes {
  mappers: Record<string, string>;
  contextType: string;
  scalars?: Record<string, string>;
}

/** What each department's resolvers are typed against; keyed by the registry, so none can be left out. */
const RESOLVER_TYPES: Readonly<Record<Department, ResolverTypes>> = {
  market: {
    mappers: {
      Company: '../legacy/index.js#CompanyRecord',
      Shareholding: '../legacy/index.js#ShareholdingRecord',
      Person: `${KIT_REFERENCES}#PersonReference`,
    },
    contextType: '../loaders.js#MarketContext',
  },
  tax: {
    mappers: {
      Company: `${KIT_REFERENCES}#CompanyReference`,
      Person: `${KIT_REFERENCES}#PersonReference`,
      TaxProfile: '../legacy/index.js#TaxProfileRecord',
      TaxFiling: '../FilingOfTaxpayer.js#FilingOfTaxpayer',
      IncomeTaxReturn: '../legacy/index.js#IncomeTaxReturnRecord',
    },
    contextType: '../loaders.js#TaxContext',
  },
  social: {
    mappers: {
      Person: '../legacy/index.js#PersonRecord',
      SocialSecurityAccount: '../legacy/index.js#SocialSecurityAccountRecord',
      Contribution: '../ContributionOfPerson.js#ContributionOfPerson',
      Company: `${KIT_REFERENCES}#CompanyReference`,
      EmployerAccount: '../legacy/index.js#EmployerAccountRecord',
    },
    contextType: '../loaders.js#SocialContext',
  },
  platform: {
    mappers: {
      Person: `${KIT_REFERENCES}#PersonReference`,
      Company: `${KIT_REFERENCES}#CompanyReference`,
      DataAccessPage: '../AccessView.js#LogPageView',
      DataAccess: '../AccessView.js#AccessRecordView',
      Accessor: '../AccessView.js#AccessorView',
      FieldAccess: '../AccessView.js#FieldAccessView',
    },
    contextType: '../loaders.js#PlatformContext',
    scalars: { ...SCALARS, DateTime: 'string' },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  hooks: {},
  generates: {
    // One typed-resolvers file per registry department, in the registry's order.
    ...Object.fromEntries(
      DEPARTMENT_NAMES.map((name) => {
        const { mappers, contextType, scalars } = RESOLVER_TYPES[name];
        return [`subgraphs/${name}/generated/resolvers-types.ts`, subgraph(name, mappers, contextType, scalars)];
      }),
    ),
    'examples/generated/operations.ts': {
      schema: 'schema.graphql',
      documents: 'examples/operations/*.graphql',
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { scalars: SCALARS, useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
