// ESLint (flat config) with typescript-eslint's recommended rules, run by `npm test` (`npm run lint`).
// Formatting is Prettier's (.prettierrc.json); folder boundaries are test/boundaries.test.ts's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/generated/**', '**/node_modules/**', 'data/**', 'bench/profiles/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks what is left out on purpose (`{ hash: _hash, ...body }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
        },
      ],
      // A department reaches kit through its face only (STYLE.md, "Where things live").
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+kit/(?!index\\.js$)', message: 'Import kit through subgraphs/kit/index.js.' },
          ],
        },
      ],
    },
  },
  {
    // Kit's own files import each other directly; the rule above is for the departments.
    files: [
      'subgraphs/kit/**',
      'gateway/**',
      'scripts/**',
      'test/**',
      'bench/**',
      'legacy-mocks/**',
      'core/**',
      'registry/**',
      '*.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read untyped answers of real servers field by field.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-restricted-imports': 'off' },
  },
);
