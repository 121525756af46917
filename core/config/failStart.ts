import { ConfigurationError } from './ConfigurationError.js';

/**
 * What a process does when it cannot start (a key file missing or malformed, a port taken, the
 * database refusing, a policy failing its check): the process and the reason (the error's message,
 * which may list problems line by line), and exit — 78 for a setting,
 * 1 otherwise. No stack trace: an operator needs the reason, and a trace may quote a file's text.
 */
export function failStart(processKind: string, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const configuration = error instanceof ConfigurationError;
  process.stderr.write(
    configuration
      ? `${error.message} (${error.code}):\n${error.problems.map((problem) => `  - ${problem}\n`).join('')}`
      : `${processKind} could not start: ${message.slice(0, 2_000).trimEnd()}\n`,
  );
  process.exit(configuration ? 78 : 1);
}
