import { z } from 'zod';

/** One environment variable a process reads: its type, its default, and what production asks of it. */
export interface Setting {
  /** The variable, e.g. TAX_LEGACY_URL. */
  name: string;
  /** How README's settings table names it: `<DEPARTMENT>_LEGACY_URL` for a department's variable. */
  documentedAs: string;
  /** Parses the variable's text; the value every process of this kind uses. */
  schema: z.ZodType;
  /** The default as README shows it; undefined when unset means off or not used. */
  defaultText: string;
  /** Production refuses to start without it (NODE_ENV=production). */
  requiredInProduction?: boolean;
  /** A development value that production refuses (a development secret or issuer). */
  developmentValue?: string;
  /** A value that is a secret: never printed, not even in a problem. */
  secret?: boolean;
}

/** A variable every process of a kind reads under its own name (not one per department). */
export function plainSetting(
  name: string,
  schema: Setting['schema'],
  defaultText: string,
  extra: Partial<Setting> = {},
): Setting {
  return { name, documentedAs: name, schema, defaultText, ...extra };
}

/** The variable's name for a department, e.g. `TAX_LEGACY_URL` from `tax` and `LEGACY_URL`. */
export function departmentVariable(department: string, suffix: string): { name: string; documentedAs: string } {
  return { name: `${department.toUpperCase()}_${suffix}`, documentedAs: `<DEPARTMENT>_${suffix}` };
}

/** The schemas variables share, each with a message an operator can act on. */
export const settingTypes = {
  port: z.coerce
    .number({ error: 'must be a port number from 0 to 65535' })
    .int('must be a port number from 0 to 65535')
    .min(0, 'must be a port number from 0 to 65535')
    .max(65_535, 'must be a port number from 0 to 65535'),
  host: z.string().min(1, 'must name a host or an address'),
  httpUrl: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  redisUrl: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }),
  // A plain path is a SQLite file too (access-log/store/backends/storeBackends.ts); any other scheme is a mistake.
  databaseUrl: z
    .string()
    .regex(
      /^(postgres(ql)?:\/\/.+|sqlite:.+|(?![a-z][a-z0-9+.-]*:\/\/).+)$/i,
      'must be postgres://… (PostgreSQL), sqlite:/path/file.db or a file path',
    ),
  file: z.string().min(1, 'must name a file'),
  text: z.string().min(1, 'must not be empty'),
  integer: z.coerce.number({ error: 'must be an integer' }).int('must be an integer'),
  wholeNumber: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be a whole number from 0'),
  positiveWholeNumber: z.coerce
    .number({ error: 'must be a whole number from 1' })
    .int('must be a whole number from 1')
    .min(1, 'must be a whole number from 1'),
  positiveNumber: z.coerce.number({ error: 'must be a positive number' }).positive('must be a positive number'),
  onOff: z.enum(['on', 'off'], { error: 'must be on or off' }),
  flag: z.enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' }),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
    error: 'must be one of trace, debug, info, warn, error, fatal, silent',
  }),
  nodeEnv: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }),
} as const;
