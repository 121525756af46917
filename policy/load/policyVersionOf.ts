import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/index.js';
import type { PolicyVersion } from '../engine/index.js';

/** A policy version from the texts it was compiled from (file name → text): hash and document. */
export function policyVersionOf(department: string, files: Readonly<Record<string, string>>): PolicyVersion {
  const document = canonicalJson({ department, files: { ...files } });
  return { hash: createHash('sha256').update(document, 'utf8').digest('hex'), department, document };
}
