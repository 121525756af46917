import {
  plainSetting,
  settingTypes,
  type CrossCheck,
  type Setting,
  type SettingValues,
} from '../../core/config/index.js';
import { DEFAULT_CHECKPOINT_INTERVAL_MS, DEFAULT_CHECKPOINT_RECORDS } from './checkpoints.js';

/** How checkpoints are signed and where they go: the platform subgraph and `audit:checkpoint` read the same. */
export interface CheckpointExportSettings {
  /** AUDIT_CHECKPOINT_KEY_FILE; unset: the development key under data/keys. */
  keyFile: string | undefined;
  /** AUDIT_CHECKPOINT_EXPORT: files on this host; empty: data/audit/checkpoints.jsonl. */
  files: string[];
  /** AUDIT_CHECKPOINT_EXPORT_URL: the store off this host (required in production). */
  url: string | undefined;
  /** AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE: the bearer token for `url`. */
  tokenFile: string | undefined;
}

/** What the platform's checkpointer runs with. */
export interface CheckpointSettings extends CheckpointExportSettings {
  intervalMs: number;
  everyRecords: number;
}

/** The development allowance for plain http:// (tests' servers on loopback); production refuses it. */
export const ALLOW_HTTP_VARIABLE = 'AUDIT_CHECKPOINT_ALLOW_HTTP';

/** The variables for signing and exporting checkpoints (README, "Ports and settings"). */
export function checkpointExportSettings(): Setting[] {
  const t = settingTypes;
  return [
    plainSetting('AUDIT_CHECKPOINT_KEY_FILE', t.file, 'development key `data/keys/audit-checkpoint.private.jwk.json`', {
      requiredInProduction: true,
    }),
    plainSetting('AUDIT_CHECKPOINT_EXPORT', t.text, 'data/audit/checkpoints.jsonl'),
    // A URL may carry a secret in its query: never echoed in a problem.
    plainSetting('AUDIT_CHECKPOINT_EXPORT_URL', t.httpUrl, 'unset (checkpoints stay on this host)', { secret: true }),
    plainSetting('AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE', t.file, 'unset (no Authorization header)'),
    allowHttpSetting(),
  ];
}

/** AUDIT_CHECKPOINT_ALLOW_HTTP: also read by audit:verify for a key set's URL. */
export function allowHttpSetting(): Setting {
  return plainSetting(ALLOW_HTTP_VARIABLE, settingTypes.flag, '0');
}

/** The checkpointer's pace: the platform subgraph's. */
export function checkpointerSettings(): Setting[] {
  return [
    plainSetting('AUDIT_CHECKPOINT_INTERVAL_MS', settingTypes.positiveNumber, String(DEFAULT_CHECKPOINT_INTERVAL_MS)),
    plainSetting('AUDIT_CHECKPOINT_RECORDS', settingTypes.positiveWholeNumber, String(DEFAULT_CHECKPOINT_RECORDS)),
  ];
}

function listOf(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];
}

/**
 * Where checkpoints may go (docs/access-log.md, "Threat model"): production needs a store off the
 * database's host, over https and with a token; a file, even on another volume, is administered
 * by the same people as the database and is no such store. Plain http only with the development
 * allowance, which production refuses.
 */
export const checkpointExportCheck: CrossCheck = (values, production) => {
  const problems = allowHttpCheck(values, production);
  const url = values.AUDIT_CHECKPOINT_EXPORT_URL as string | undefined;
  if (listOf(values.AUDIT_CHECKPOINT_EXPORT).some((file) => /^[a-z][a-z0-9+.-]*:\/\//i.test(file)))
    problems.push(
      'AUDIT_CHECKPOINT_EXPORT takes files only: a store off this host goes in AUDIT_CHECKPOINT_EXPORT_URL (with AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE)',
    );
  if (url !== undefined) {
    const parsed = new URL(url);
    if (parsed.username || parsed.password)
      problems.push(
        'AUDIT_CHECKPOINT_EXPORT_URL must not carry a user or password: the token goes in AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE',
      );
    problems.push(...plainHttpProblems('AUDIT_CHECKPOINT_EXPORT_URL', parsed, values, production));
  }
  if (production) {
    if (url === undefined)
      problems.push(
        'AUDIT_CHECKPOINT_EXPORT_URL (an https:// store off this host) is required when NODE_ENV=production: ' +
          "checkpoints kept only on the database's host, even in a file on another volume, can be cut back by whoever administers it",
      );
    else if (values.AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE === undefined)
      problems.push(
        'AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE (the bearer token for AUDIT_CHECKPOINT_EXPORT_URL) is required when NODE_ENV=production',
      );
  }
  return problems;
};

/** The development allowance is refused in production. */
export const allowHttpCheck: CrossCheck = (values, production) =>
  production && values[ALLOW_HTTP_VARIABLE] === '1'
    ? [`${ALLOW_HTTP_VARIABLE}=1 is for tests and development; NODE_ENV=production refuses it`]
    : [];

/** Refuses plain http for `variable` in production, and outside it without the development allowance. */
export function plainHttpProblems(variable: string, url: URL, values: SettingValues, production: boolean): string[] {
  if (url.protocol !== 'http:') return [];
  if (production) return [`${variable} must be https:// when NODE_ENV=production`];
  if (values[ALLOW_HTTP_VARIABLE] !== '1')
    return [`${variable} is plain http://: use https://, or set ${ALLOW_HTTP_VARIABLE}=1 (tests, development)`];
  return [];
}

/** The export settings from checked values (readSettings with checkpointExportSettings and checkpointExportCheck). */
export function readCheckpointExportSettings(values: SettingValues): CheckpointExportSettings {
  return {
    keyFile: values.AUDIT_CHECKPOINT_KEY_FILE as string | undefined,
    files: listOf(values.AUDIT_CHECKPOINT_EXPORT),
    url: values.AUDIT_CHECKPOINT_EXPORT_URL as string | undefined,
    tokenFile: values.AUDIT_CHECKPOINT_EXPORT_TOKEN_FILE as string | undefined,
  };
}

/** The platform checkpointer's settings from checked values. */
export function readCheckpointSettings(values: SettingValues): CheckpointSettings {
  return {
    ...readCheckpointExportSettings(values),
    intervalMs: (values.AUDIT_CHECKPOINT_INTERVAL_MS as number | undefined) ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
    everyRecords: (values.AUDIT_CHECKPOINT_RECORDS as number | undefined) ?? DEFAULT_CHECKPOINT_RECORDS,
  };
}
