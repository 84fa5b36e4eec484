import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../paths.js';
import type { SchemaName } from '../validation/schema-registry.js';

/** The shipped example payloads: `fixture('send-request', 'seed-button')`. */
export function fixture(schema: SchemaName, name: string, kind: 'valid' | 'invalid' = 'valid'): unknown {
  return JSON.parse(readFileSync(join(fixturesDir, kind, schema, `${name}.json`), 'utf8'));
}

export function fixtureNames(schema: SchemaName, kind: 'valid' | 'invalid' = 'valid'): string[] {
  return readdirSync(join(fixturesDir, kind, schema))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
}
