/**
 * Runs the market regulator's enterprise registry alone: `npm run mock -- market` (port and
 * variable: registry/departments.ts; host: LEGACY_HOST).
 */
import { runLegacyMock } from '../runLegacyMock.js';

await runLegacyMock('market');
