/**
 * `npm run seal -- rotate <department>`: a new seal key becomes the department's active one; the
 * previous one stays published to verify what it sealed. `npm run seal -- retire <department> <kid>`:
 * withdraws a key (compromised, say): its private half is deleted and every certificate it sealed
 * fails verification (RETIRED_KEY). `npm run seal -- list <department>`: the keys and their states.
 * Keys live in SEAL_KEYS_DIR (default data/keys/seals); the gateway publishes them at once.
 */
import { readSealKeyring, retireSealKey, rotateSealKey } from '../core/certificates/index.js';
import { DEPARTMENT_NAMES } from '../registry/departments.js';

const USAGE = 'usage: npm run seal -- rotate <department> | retire <department> <kid> | list <department>';
const [command, department, kid] = process.argv.slice(2);

try {
  if (!department || !(DEPARTMENT_NAMES as readonly string[]).includes(department)) {
    throw new Error(`give a department of registry/departments.ts (${DEPARTMENT_NAMES.join(', ')})`);
  }
  if (command === 'rotate') {
    const entry = await rotateSealKey(department);
    process.stdout.write(`${department}: ${entry.kid} is the active seal key\n`);
  } else if (command === 'retire' && kid) {
    const entry = retireSealKey(department, kid);
    process.stdout.write(`${department}: ${entry.kid} retired at ${entry.retiredAt}; its seals no longer verify\n`);
  } else if (command === 'list') {
    for (const entry of readSealKeyring(department)?.keys ?? []) {
      process.stdout.write(
        `${entry.kid}\t${entry.state}\t${entry.createdAt}${entry.retiredAt ? `\tretired ${entry.retiredAt}` : ''}\n`,
      );
    }
  } else {
    throw new Error('which command?');
  }
} catch (error) {
  process.stderr.write(`seal: ${(error as Error).message}\n${USAGE}\n`);
  process.exitCode = 2;
}
