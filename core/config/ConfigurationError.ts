/**
 * A process's settings are wrong: every problem at once, each naming its variable, never a
 * secret's value. The process prints them and exits (settingsOrExit); code CONFIGURATION_INVALID.
 */
export class ConfigurationError extends Error {
  readonly code = 'CONFIGURATION_INVALID';
  constructor(
    readonly processKind: string,
    readonly problems: readonly string[],
  ) {
    super(`${processKind}: ${problems.length} configuration problem${problems.length === 1 ? '' : 's'}`);
    this.name = 'ConfigurationError';
  }
}
