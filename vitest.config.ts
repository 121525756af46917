import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { ALL_TESTS, BESIDE_CODE_JOURNEYS, NEVER, SYSTEM } from './test/layers/layers.js';

const require = createRequire(import.meta.url);

/**
 * Three layers (test/layers/layers.ts says which file runs where): `npm run test:unit`,
 * `test:journeys`, `test:system`; `npm test` runs them all. Per-file timings go to test/TIMINGS.md.
 */
export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry (the package has no "exports"), and so do the Apollo
    // packages; Vite would pick the .mjs one and make a second graphql realm. Use Node's choice.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Tests start real servers on ephemeral ports; give slow shared machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/layers/timingsReporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ALL_TESTS,
          exclude: [...NEVER, 'test/**', ...BESIDE_CODE_JOURNEYS, ...SYSTEM],
          setupFiles: ['./test/layers/refuseSocketsAndProcesses.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'journeys',
          include: ['test/**/*.test.ts', ...BESIDE_CODE_JOURNEYS],
          exclude: [...NEVER, ...SYSTEM],
        },
      },
      { extends: true, test: { name: 'system', include: SYSTEM, exclude: NEVER } },
    ],
  },
});
