/**
 * Precompiles every schema to one ES module (ajv "standalone" code), so the CLI starts without
 * loading ajv's compiler. Run by `npm run build`; the result lives in dist/ and is not committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { schemasDir } from '../src/paths.js';
import { createAjv, schemaFiles } from '../src/validation/ajv-setup.js';
import { exportNameOf, precompiledPath } from '../src/validation/precompiled-registry.js';
import { schemaNameOf } from '../src/validation/schema-registry.js';
import { schemasHash } from '../src/validation/schemas-hash.js';

const standaloneCode = createRequire(import.meta.url)('ajv/dist/standalone').default as typeof import('ajv/dist/standalone/index.js').default;

const ajv = createAjv(schemasDir, { code: { source: true, esm: true } });
const exports = Object.fromEntries(schemaFiles(schemasDir).map((file) => [exportNameOf(schemaNameOf(file)), file]));
// ajv's ESM output still require()s its runtime helpers; give the module a require of its own.
const code = [
  `import { createRequire } from 'node:module';`,
  `const require = createRequire(import.meta.url);`,
  `export const schemasHash = ${JSON.stringify(schemasHash(schemasDir))};`,
  standaloneCode(ajv, exports).replace(/^"use strict";/, ''),
].join('\n');
mkdirSync(dirname(precompiledPath), { recursive: true });
writeFileSync(precompiledPath, code);
console.log(`precompiled ${Object.keys(exports).length} schemas → ${precompiledPath}`);
