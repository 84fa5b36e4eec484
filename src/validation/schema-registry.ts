import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { schemasDir } from '../paths.js';
import type { SchemaTypes } from '../types/generated.js';

export type SchemaName = keyof SchemaTypes;

export interface SchemaRegistry {
  /** The compiled validator of one schema; compiled on first use, then reused. */
  validator<N extends SchemaName>(name: N): ValidateFunction<SchemaTypes[N]>;
  names(): SchemaName[];
}

// ajv-formats ships CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * Loads every schema under schemas/ into one ajv instance. Compilation is per schema and happens
 * once, the first time it is needed, so start-up only pays for what is used.
 */
export function createSchemaRegistry(dir: string = schemasDir): SchemaRegistry {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    verbose: true,
    strict: true,
    // Branches of a discriminated oneOf name `required` properties declared by their parent.
    strictRequired: false,
  });
  addFormats(ajv, ['date-time', 'uri']);
  // `label` names a field in error messages ("button title"); it does not validate anything.
  ajv.addKeyword({ keyword: 'label', schemaType: 'string' });
  const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  const names = files.map((f) => f.replace('.schema.json', '') as SchemaName);
  const compiled = new Map<SchemaName, ValidateFunction>();

  return {
    names: () => [...names],
    validator<N extends SchemaName>(name: N) {
      let fn = compiled.get(name);
      if (!fn) {
        const found = ajv.getSchema(`${name}.schema.json`);
        if (!found) throw new Error(`No schema named "${name}" in ${dir}; known: ${names.join(', ')}`);
        fn = found;
        compiled.set(name, fn);
      }
      return fn as ValidateFunction<SchemaTypes[N]>;
    },
  };
}

export type { ErrorObject };

let shared: SchemaRegistry | undefined;

/** One registry per process: every mock instance (and `validate()`) reuses its compiled schemas. */
export function sharedSchemaRegistry(): SchemaRegistry {
  return (shared ??= createSchemaRegistry());
}
