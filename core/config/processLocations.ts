import { join, resolve } from 'node:path';
import { repositoryRoot } from '../repositoryRoot.js';
import { settingTypes } from './Setting.js';

/**
 * The three settings every piece and every command shares, and that code deep under a piece needs
 * wherever it runs: DATA_DIR (development keys made on first use, the default SQLite access log),
 * SEAL_KEYS_DIR (the departments' seal keys) and LOG_LEVEL. They are read here, in a config reader,
 * through the same schemas the process kinds check at start (commonSettings.ts, and each kind's
 * SEAL_KEYS_DIR), so their parsing and defaults are written once. Unlike a process kind's other
 * settings they are read when asked, not once at start: a test or a command sets them for the whole
 * process (a temp folder of seal keys, a temp data folder) and every module of it must agree.
 */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const configured = settingTypes.file.safeParse(env.DATA_DIR);
  return resolve(configured.success ? configured.data : join(repositoryRoot(), 'data'));
}

/** Where the seal keys live: SEAL_KEYS_DIR, default `data/keys/seals` under DATA_DIR (git-ignored). */
export function sealKeysDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const configured = settingTypes.file.safeParse(env.SEAL_KEYS_DIR);
  return resolve(configured.success ? configured.data : join(dataDirectory(env), 'keys', 'seals'));
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

/**
 * LOG_LEVEL, or the default: every line for a logger a test hands its own destination to, none
 * under the test runner otherwise (vitest sets VITEST), `info` in a running piece.
 */
export function logLevel(ownDestination: boolean, env: NodeJS.ProcessEnv = process.env): LogLevel {
  const configured = settingTypes.logLevel.safeParse(env.LOG_LEVEL);
  if (configured.success) return configured.data;
  if (ownDestination) return 'debug';
  return env.VITEST ? 'silent' : 'info';
}
