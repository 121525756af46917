/** Every process's settings: one schema per process kind, checked at start (README, "Ports and settings"). */
export { ConfigurationError } from './ConfigurationError.js';
export { NODE_ENV, readSettings, type CrossCheck, type SettingValues } from './readSettings.js';
export { departmentVariable, plainSetting, settingTypes, type Setting } from './Setting.js';
export { settingsOrExit } from './settingsOrExit.js';
export { failStart } from './failStart.js';
export { commonSettings, productionKeyProblem } from './commonSettings.js';
export { legacySecretSettings } from './legacySecretSettings.js';
export {
  callerIdentitySettings,
  productionCallerIdentity,
  readCallerIdentity,
  type CallerIdentitySettings,
} from './callerIdentitySettings.js';
