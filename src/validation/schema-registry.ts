import type { ValidateFunction } from 'ajv/dist/2020.js';
import { schemasDir } from '../paths.js';
import type { SchemaTypes } from '../types/generated.js';
import { createAjv, schemaFiles } from './ajv-setup.js';

export type SchemaName = keyof SchemaTypes;

export interface SchemaRegistry {
  /** The validator of one schema, compiled once and reused. */
  validator<N extends SchemaName>(name: N): ValidateFunction<SchemaTypes[N]>;
  names(): SchemaName[];
}

export const schemaNameOf = (file: string) => file.replace('.schema.json', '') as SchemaName;

/**
 * Compiles schemas/ with ajv, each schema the first time it is needed. Tests and library users
 * get this one; the built CLI loads precompiled validators instead (precompiled-registry.ts).
 */
export function createSchemaRegistry(dir: string = schemasDir): SchemaRegistry {
  const ajv = createAjv(dir);
  const names = schemaFiles(dir).map(schemaNameOf);
  return {
    names: () => [...names],
    validator<N extends SchemaName>(name: N) {
      const fn = ajv.getSchema(`${name}.schema.json`);
      if (!fn) throw new Error(`No schema named "${name}" in ${dir}; known: ${names.join(', ')}`);
      return fn as ValidateFunction<SchemaTypes[N]>;
    },
  };
}

let shared: SchemaRegistry | undefined;

/** One registry per process: every mock instance (and `validate()`) reuses its compiled schemas. */
export function sharedSchemaRegistry(): SchemaRegistry {
  return (shared ??= createSchemaRegistry());
}
