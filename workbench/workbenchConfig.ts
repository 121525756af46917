import { resolve } from 'node:path';
import { GATEWAY_DEFAULT_PORT } from '../registry/departments.js';
import {
  callerIdentitySettings,
  commonSettings,
  plainSetting,
  productionCallerIdentity,
  readCallerIdentity,
  readSettings,
  settingTypes,
  type CallerIdentitySettings,
  type Setting,
} from '../core/config/index.js';
import {
  WORKBENCH_RATE_LIMIT_COST,
  WORKBENCH_RATE_LIMIT_WINDOW_S,
  type WorkbenchLimits,
} from './limitWorkbenchCallers.js';

/** Where `npm run workbench` listens unless WORKBENCH_PORT says otherwise. */
export const WORKBENCH_DEFAULT_PORT = 4090;

/** What `npm run workbench` (or `node dist/workbench/main.js`) runs with, checked before anything starts. */
export interface WorkbenchConfig {
  port: number;
  host: string;
  /** The gateway whose /graphql the page's access log search is passed to. */
  gatewayUrl: string;
  /** Whose tokens it accepts: the gateway's identity settings, read under the same names. */
  identity: CallerIdentitySettings;
  /** The policy folder in force (absolute); undefined: the repository's privacy/. */
  policyFolder: string | undefined;
  limits: WorkbenchLimits;
}

const plain = plainSetting;

/** Every variable the privacy workbench reads: README's settings table is checked against this list. */
export function workbenchSettings(): Setting[] {
  const t = settingTypes;
  return [
    ...commonSettings(),
    plain('WORKBENCH_PORT', t.port, String(WORKBENCH_DEFAULT_PORT)),
    plain('WORKBENCH_HOST', t.host, '127.0.0.1'),
    plain('WORKBENCH_GATEWAY_URL', t.httpUrl, `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}`),
    plain('WORKBENCH_RATE_LIMIT_COST', t.positiveWholeNumber, String(WORKBENCH_RATE_LIMIT_COST)),
    plain('WORKBENCH_RATE_LIMIT_WINDOW_S', t.positiveWholeNumber, String(WORKBENCH_RATE_LIMIT_WINDOW_S)),
    // Whose tokens it accepts: the gateway's identity settings, under the same names.
    ...callerIdentitySettings(),
    plain('PRIVACY_DIR', t.file, 'privacy/'),
  ];
}

/** Reads and checks the workbench's settings; throws a ConfigurationError listing every problem. */
export function readWorkbenchConfig(env: Readonly<Record<string, string | undefined>>): WorkbenchConfig {
  const values = readSettings('privacy workbench', workbenchSettings(), env, [productionCallerIdentity]);
  const policyFolder = values.PRIVACY_DIR as string | undefined;
  return {
    port: (values.WORKBENCH_PORT as number | undefined) ?? WORKBENCH_DEFAULT_PORT,
    host: (values.WORKBENCH_HOST as string | undefined) ?? '127.0.0.1',
    gatewayUrl: (values.WORKBENCH_GATEWAY_URL as string | undefined) ?? `http://127.0.0.1:${GATEWAY_DEFAULT_PORT}`,
    identity: readCallerIdentity(values),
    policyFolder: policyFolder ? resolve(policyFolder) : undefined,
    limits: {
      costPerWindow: (values.WORKBENCH_RATE_LIMIT_COST as number | undefined) ?? WORKBENCH_RATE_LIMIT_COST,
      windowSeconds: (values.WORKBENCH_RATE_LIMIT_WINDOW_S as number | undefined) ?? WORKBENCH_RATE_LIMIT_WINDOW_S,
    },
  };
}
