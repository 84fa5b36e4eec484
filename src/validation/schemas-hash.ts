import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFiles } from './ajv-setup.js';

/** Fingerprint of schemas/, so precompiled validators are never used once a schema changed. */
export function schemasHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of schemaFiles(dir)) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}
