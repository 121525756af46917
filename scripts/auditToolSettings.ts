import { commonSettings, plainSetting, settingTypes, type Setting } from '../core/config/index.js';

/**
 * The variables `npm run audit:verify`, `audit:export` and `audit:checkpoint` read, for README's
 * settings table (test/settings-documented.test.ts); the tools check them as they use them.
 */
export function auditToolSettings(): Setting[] {
  const plain = plainSetting;
  return [
    ...commonSettings(),
    plain('AUDIT_DATABASE_URL', settingTypes.databaseUrl, 'SQLite file data/audit/access-log.db'),
    plain('AUDIT_CHECKPOINT_KEY_FILE', settingTypes.file, 'development key'),
    plain('AUDIT_CHECKPOINT_PUBLIC_KEYS', settingTypes.file, "the development key's public half"),
    plain('AUDIT_CHECKPOINT_EXPORT', settingTypes.text, 'data/audit/checkpoints.jsonl'),
  ];
}
