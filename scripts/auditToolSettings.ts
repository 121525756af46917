import { z } from 'zod';
import {
  commonSettings,
  plainSetting,
  productionKeyProblem,
  readSettings,
  settingTypes,
  type CrossCheck,
  type Setting,
} from '../core/config/index.js';
import {
  allowHttpCheck,
  allowHttpSetting,
  checkpointExportCheck,
  checkpointExportSettings,
  defaultCheckpointMaxAgeMs,
  plainHttpProblems,
  readCheckpointExportSettings,
  ALLOW_HTTP_VARIABLE,
  DEFAULT_CHECKPOINT_INTERVAL_MS,
  type CheckpointExportSettings,
} from '../access-log/index.js';

const UNITS_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** `25s`, `10m`, `2h`, `7d` (also `500ms`, `1.5h`) in milliseconds; null for anything else, a bare number included. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)$/.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNITS_MS[match[2]!]!;
  return ms > 0 && Number.isFinite(ms) ? Math.round(ms) : null;
}

/** A duration for a message: `25 s`, `4 min 10 s`, `3 h 5 min`, `2 d 4 h`. */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1_000);
  if (Math.abs(ms) < 1_000) return `${Math.round(Math.abs(ms))} ms`;
  if (s < 60) return `${s} s`;
  if (s < 3_600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  if (s < 86_400)
    return `${Math.floor(s / 3_600)} h${Math.floor(s / 60) % 60 ? ` ${Math.floor(s / 60) % 60} min` : ''}`;
  return `${Math.floor(s / 86_400)} d${Math.floor(s / 3_600) % 24 ? ` ${Math.floor(s / 3_600) % 24} h` : ''}`;
}

const DURATION_PROBLEM = 'must be a duration with its unit, such as 25s, 10m, 2h or 7d';
const duration = z.string().transform((text, context) => {
  const ms = parseDuration(text);
  if (ms === null) {
    context.addIssue({ code: 'custom', message: DURATION_PROBLEM });
    return z.NEVER;
  }
  return ms;
});

const databaseUrl = () =>
  plainSetting('AUDIT_DATABASE_URL', settingTypes.databaseUrl, 'SQLite file `data/audit/access-log.db`');

/** `audit:verify`: where the log is, whose keys checkpoints must verify with, and how old they may be. */
function auditVerifySettings(): Setting[] {
  return [
    ...commonSettings(),
    databaseUrl(),
    plainSetting(
      'AUDIT_CHECKPOINT_PUBLIC_KEYS',
      settingTypes.text,
      'unset: `audit:verify --checkpoints` then needs `--keys`',
    ),
    plainSetting('AUDIT_CHECKPOINT_MAX_AGE', duration, '2 × `AUDIT_CHECKPOINT_INTERVAL_MS` + 5 s (`25s`)'),
    plainSetting('AUDIT_CHECKPOINT_INTERVAL_MS', settingTypes.positiveNumber, String(DEFAULT_CHECKPOINT_INTERVAL_MS)),
    allowHttpSetting(),
  ];
}

/** `audit:checkpoint`: signs like the platform subgraph and exports to the same places. */
function auditCheckpointSettings(): Setting[] {
  return [...commonSettings(), databaseUrl(), ...checkpointExportSettings()];
}

/**
 * The variables `npm run audit:verify`, `audit:export` and `audit:checkpoint` read, for README's
 * settings table (test/settings-documented.test.ts). `audit:export` reads the common ones and
 * AUDIT_DATABASE_URL only.
 */
export function auditToolSettings(): Setting[] {
  const byName = new Map<string, Setting>();
  for (const setting of [...auditVerifySettings(), ...auditCheckpointSettings()]) byName.set(setting.name, setting);
  return [...byName.values()];
}

export interface AuditVerifySettings {
  production: boolean;
  /** AUDIT_CHECKPOINT_PUBLIC_KEYS: a JWKS file or https URL; `--keys` overrides it. */
  keys: string | undefined;
  /** AUDIT_CHECKPOINT_MAX_AGE, else two checkpoint intervals and 5 s; `--max-age` overrides it. */
  maxAgeMs: number;
  allowHttp: boolean;
}

/** In production the verifier's keys come from where keys are guarded, not from the development folder. */
const verifyKeysCheck: CrossCheck = (values, production) => {
  const keys = values.AUDIT_CHECKPOINT_PUBLIC_KEYS as string | undefined;
  if (keys === undefined) return [];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(keys)) {
    const url = URL.canParse(keys) ? new URL(keys) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
      return ['AUDIT_CHECKPOINT_PUBLIC_KEYS must be a JWKS file or an https:// URL'];
    return plainHttpProblems('AUDIT_CHECKPOINT_PUBLIC_KEYS', url, values, production);
  }
  return production ? productionKeyProblem('AUDIT_CHECKPOINT_PUBLIC_KEYS', keys) : [];
};

/** Reads and checks `audit:verify`'s settings; throws a ConfigurationError listing every problem. */
export function readAuditVerifySettings(env: Readonly<Record<string, string | undefined>>): AuditVerifySettings {
  const values = readSettings('audit:verify', auditVerifySettings(), env, [allowHttpCheck, verifyKeysCheck]);
  const intervalMs = (values.AUDIT_CHECKPOINT_INTERVAL_MS as number | undefined) ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
  return {
    production: values.NODE_ENV === 'production',
    keys: values.AUDIT_CHECKPOINT_PUBLIC_KEYS as string | undefined,
    maxAgeMs: (values.AUDIT_CHECKPOINT_MAX_AGE as number | undefined) ?? defaultCheckpointMaxAgeMs(intervalMs),
    allowHttp: values[ALLOW_HTTP_VARIABLE] === '1',
  };
}

/** Reads and checks `audit:checkpoint`'s settings: production needs the store off the host, as the platform does. */
export function readAuditCheckpointSettings(env: Readonly<Record<string, string | undefined>>): {
  production: boolean;
  export: CheckpointExportSettings;
} {
  const values = readSettings('audit:checkpoint', auditCheckpointSettings(), env, [
    checkpointExportCheck,
    (checked, production) =>
      production ? productionKeyProblem('AUDIT_CHECKPOINT_KEY_FILE', checked.AUDIT_CHECKPOINT_KEY_FILE) : [],
  ]);
  return { production: values.NODE_ENV === 'production', export: readCheckpointExportSettings(values) };
}
