import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { packageRoot, schemasDir } from '../src/paths.js';

export const generatedTypesPath = join(packageRoot, 'src', 'types', 'generated.ts');

const BANNER = `/* eslint-disable */
/**
 * GENERATED from schemas/*.schema.json by \`npm run gen:types\` — DO NOT EDIT.
 * Change the schema, regenerate, and commit both; the test run fails when they drift apart.
 */`;

export function schemaFileNames(): string[] {
  return readdirSync(schemasDir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
}

/**
 * One synthetic root that references every schema, compiled once: each type is emitted a single
 * time, and `SchemaTypes['send-request']` maps a schema's name to its type.
 */
export async function generateTypes(): Promise<string> {
  const properties = Object.fromEntries(
    schemaFileNames().map((file) => [file.replace('.schema.json', ''), { $ref: file }]),
  );
  const root = {
    title: 'SchemaTypes',
    description: 'Every schema by name (the file name without .schema.json).',
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  } as JSONSchema;
  return compile(root, 'SchemaTypes', {
    cwd: schemasDir,
    bannerComment: BANNER,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 110 },
  });
}
