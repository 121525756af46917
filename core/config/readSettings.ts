import { ConfigurationError } from './ConfigurationError.js';
import type { Setting } from './Setting.js';

export type SettingValues = Readonly<Record<string, unknown>>;

/** What a process kind checks across its variables, e.g. "one of AUTH_JWKS_URL or AUTH_JWKS_FILE". */
export type CrossCheck = (values: SettingValues, production: boolean) => string[];

/** Variables that every process reads, whatever its kind. */
export const NODE_ENV = 'NODE_ENV';

/**
 * Reads and checks every variable of a process kind: each is parsed by its schema (unset or
 * empty takes the default), production (NODE_ENV=production) refuses what it must not run
 * with, and the process kind's cross-checks run last. All problems are collected, so an
 * operator fixes them in one go; a ConfigurationError lists them.
 */
export function readSettings(
  processKind: string,
  settings: readonly Setting[],
  env: Readonly<Record<string, string | undefined>>,
  crossChecks: readonly CrossCheck[] = [],
): SettingValues {
  const production = env[NODE_ENV] === 'production';
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const setting of settings) {
    const raw = env[setting.name];
    if (raw === undefined || raw.trim() === '') {
      values[setting.name] = undefined;
      if (production && setting.requiredInProduction)
        problems.push(`${setting.name} is required when NODE_ENV=production (default: ${setting.defaultText})`);
      continue;
    }
    const parsed = setting.schema.safeParse(raw.trim());
    if (!parsed.success) {
      const shown = setting.secret ? '' : ` (got "${raw.slice(0, 60)}")`;
      problems.push(`${setting.name} ${parsed.error.issues[0]?.message ?? 'is not valid'}${shown}`);
      continue;
    }
    values[setting.name] = parsed.data;
    if (production && setting.developmentValue !== undefined && raw.trim() === setting.developmentValue)
      problems.push(`${setting.name} is the development value, which NODE_ENV=production refuses`);
  }
  for (const check of crossChecks) problems.push(...check(values, production));
  if (problems.length > 0) throw new ConfigurationError(processKind, problems);
  return values;
}
