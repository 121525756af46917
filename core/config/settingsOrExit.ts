import { ConfigurationError } from './ConfigurationError.js';

/**
 * Runs a process kind's settings reader; on a ConfigurationError prints every problem to stderr,
 * one per line, and exits with 78 (EX_CONFIG) — no stack trace, no secret. Any other error is a
 * bug and is thrown.
 */
export function settingsOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(
      `${error.message} (${error.code}):\n${error.problems.map((problem) => `  - ${problem}\n`).join('')}` +
        'See README.md, "Ports and settings".\n',
    );
    process.exit(78);
  }
}
