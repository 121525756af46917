import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: typed resolvers for each subgraph (federation-aware, with parents mapped to
 * the legacy adapters' records) and typed documents for the example portal operations. Output
 * goes to generated/ folders, never edited by hand; a test fails when it is stale.
 */

const SCALARS = { Decimal: 'string', Date: 'string' };
const KIT_REFERENCES = '../../kit/references.js';

function subgraph(department: string, mappers: Record<string, string>, contextType: string, scalars: Record<string, string> = SCALARS) {
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

const config: CodegenConfig = {
  overwrite: true,
  hooks: {},
  generates: {
    'subgraphs/market/generated/resolvers-types.ts': subgraph(
      'market',
      {
        Company: '../legacy/index.js#CompanyRecord',
        Shareholding: '../legacy/index.js#ShareholdingRecord',
        Person: `${KIT_REFERENCES}#PersonReference`,
      },
      '../loaders.js#MarketContext',
    ),
    'subgraphs/tax/generated/resolvers-types.ts': subgraph(
      'tax',
      {
        Company: `${KIT_REFERENCES}#CompanyReference`,
        Person: `${KIT_REFERENCES}#PersonReference`,
        TaxProfile: '../legacy/index.js#TaxProfileRecord',
        TaxFiling: '../FilingOfTaxpayer.js#FilingOfTaxpayer',
        IncomeTaxReturn: '../legacy/index.js#IncomeTaxReturnRecord',
      },
      '../loaders.js#TaxContext',
    ),
    'subgraphs/social/generated/resolvers-types.ts': subgraph(
      'social',
      {
        Person: '../legacy/index.js#PersonRecord',
        SocialSecurityAccount: '../legacy/index.js#SocialSecurityAccountRecord',
        Contribution: '../ContributionOfPerson.js#ContributionOfPerson',
        Company: `${KIT_REFERENCES}#CompanyReference`,
        EmployerAccount: '../legacy/index.js#EmployerAccountRecord',
      },
      '../loaders.js#SocialContext',
    ),
    'subgraphs/platform/generated/resolvers-types.ts': subgraph(
      'platform',
      {
        Person: `${KIT_REFERENCES}#PersonReference`,
        Company: `${KIT_REFERENCES}#CompanyReference`,
        DataAccessPage: '../AccessView.js#LogPageView',
        DataAccess: '../AccessView.js#AccessRecordView',
        Accessor: '../AccessView.js#AccessorView',
        FieldAccess: '../AccessView.js#FieldAccessView',
      },
      '../loaders.js#PlatformContext',
      { ...SCALARS, DateTime: 'string' },
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
