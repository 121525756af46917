/**
 * Runs the tax bureau's tax administration system alone: `npm run mock -- tax` (port and
 * variable: registry/departments.ts; host: LEGACY_HOST).
 */
import { runLegacyMock } from '../runLegacyMock.js';

await runLegacyMock('tax');
