/**
 * Runs the social security bureau's social insurance system alone: `npm run mock -- social` (port and
 * variable: registry/departments.ts; host: LEGACY_HOST).
 */
import { runLegacyMock } from '../runLegacyMock.js';

await runLegacyMock('social');
