import { legacySettings, type LegacyDepartment } from '../registry/departments.js';

/** The highest TCP port; 0 asks the system for a free one. */
const MAX_PORT = 65_535;

/**
 * The port a department's legacy system listens on: its *_LEGACY_PORT variable, else the
 * registry's default. A value that is no port stops the process with a message naming the
 * variable, rather than listening somewhere nobody looks.
 */
export function legacyPortFromEnvironment(department: LegacyDepartment): number {
  const { portVariable, port: defaultPort } = legacySettings(department);
  const raw = process.env[portVariable];
  if (raw === undefined || raw === '') return defaultPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > MAX_PORT) {
    console.error(`${portVariable} must be a port number from 0 to ${MAX_PORT}`);
    process.exit(1);
  }
  return port;
}
