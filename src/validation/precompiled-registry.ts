import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { packageRoot, schemasDir } from '../paths.js';
import type { SchemaName, SchemaRegistry } from './schema-registry.js';
import { schemasHash } from './schemas-hash.js';

/** Written by `npm run build` (scripts/build-validators.ts). */
export const precompiledPath = join(packageRoot, 'dist', 'validators', 'compiled.js');

/** `send-request` ↔ `send_request`: standalone exports must be identifiers. */
export const exportNameOf = (name: string) => name.replaceAll('-', '_');

interface CompiledModule {
  schemasHash: string;
  [exportName: string]: unknown;
}

/**
 * The validators `npm run build` precompiled from schemas/: the same ajv code, without loading and
 * running the compiler at start-up. Undefined when missing or older than schemas/ (then the caller
 * compiles at run time).
 */
export async function loadPrecompiledRegistry(): Promise<SchemaRegistry | undefined> {
  if (!existsSync(precompiledPath)) return undefined;
  const compiled = (await import(pathToFileURL(precompiledPath).href)) as CompiledModule;
  if (compiled.schemasHash !== schemasHash(schemasDir)) return undefined;
  const names = Object.keys(compiled)
    .filter((key) => key !== 'schemasHash')
    .map((key) => key.replaceAll('_', '-') as SchemaName);
  return {
    names: () => [...names],
    validator(name) {
      const fn = compiled[exportNameOf(name)];
      if (typeof fn !== 'function') throw new Error(`No precompiled schema named "${name}"; rebuild with "npm run build"`);
      return fn as ValidateFunction<never>;
    },
  };
}
