/**
 * Generates src/types/generated.ts from schemas/*.schema.json (the source of truth).
 *   npm run gen:types            write the file
 *   npm run gen:types -- --check exit 1 when the committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generateTypes, generatedTypesPath } from './types-generator.js';
import { packageRoot } from '../src/paths.js';

const generated = await generateTypes();
const shown = relative(packageRoot, generatedTypesPath);
if (process.argv.includes('--check')) {
  const committed = readFileSync(generatedTypesPath, 'utf8');
  if (committed !== generated) {
    console.error(`${shown} is out of date with schemas/: run "npm run gen:types" and commit the result`);
    process.exit(1);
  }
  console.log(`${shown} matches schemas/`);
} else {
  writeFileSync(generatedTypesPath, generated);
  console.log(`wrote ${shown}`);
}
