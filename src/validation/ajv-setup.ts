import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';

// ajv is loaded on demand (it is CommonJS, so require() is synchronous): the built CLI validates
// with precompiled code and never pays for loading the compiler at start-up.
const require = createRequire(import.meta.url);

export function schemaFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
}

/** The one ajv configuration, used both to compile at run time and to precompile at build time. */
export function createAjv(dir: string, extra: Options = {}): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    verbose: true,
    strict: true,
    // Branches of a discriminated oneOf name `required` properties declared by their parent.
    strictRequired: false,
    ...extra,
  });
  addFormats(ajv, ['date-time', 'uri']);
  // `label` names a field in error messages ("button title"); it does not validate anything.
  ajv.addKeyword({ keyword: 'label', schemaType: 'string' });
  for (const file of schemaFiles(dir)) ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  return ajv;
}
