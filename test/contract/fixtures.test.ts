import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/paths.js';
import { createSchemaRegistry, type SchemaName } from '../../src/validation/schema-registry.js';
import { checkAgainst } from '../../src/validation/validate-request.js';

const registry = createSchemaRegistry();
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** `fixtures/<kind>/<schema>/<case>.json` → [schema, case, path] */
function fixtures(kind: 'valid' | 'invalid'): [SchemaName, string, string][] {
  const root = join(fixturesDir, kind);
  return readdirSync(root)
    .filter((schema) => statSync(join(root, schema)).isDirectory())
    .flatMap((schema) =>
      readdirSync(join(root, schema))
        .filter((f) => f.endsWith('.json'))
        .map((f): [SchemaName, string, string] => [schema as SchemaName, f.replace('.json', ''), join(root, schema, f)]),
    );
}

interface Expectation {
  code: number;
  parameter: string;
  description: string;
}
const expectations = read(join(fixturesDir, 'invalid', 'expectations.json')) as Record<string, Expectation>;

describe('valid fixtures pass their schema', () => {
  it.each(fixtures('valid'))('%s / %s', (schema, _name, path) => {
    expect(registry.names()).toContain(schema);
    expect(checkAgainst(registry, schema, read(path)).errors).toEqual([]);
  });
});

describe('invalid fixtures fail with the error their name announces', () => {
  it.each(fixtures('invalid'))('%s / %s', (schema, name, path) => {
    const expected = expectations[`${schema}/${name}`];
    expect(expected, `add "${schema}/${name}" to fixtures/invalid/expectations.json`).toBeDefined();
    const { errors, extras } = checkAgainst(registry, schema, read(path));
    const reported = [...errors, ...extras];
    expect(reported).toContainEqual(
      expect.objectContaining({
        code: expected!.code,
        parameter: expected!.parameter,
        description: expect.stringContaining(expected!.description),
      }),
    );
  });

  it('every expectation has its fixture', () => {
    const names = new Set(fixtures('invalid').map(([schema, name]) => `${schema}/${name}`));
    expect(Object.keys(expectations).filter((key) => !names.has(key))).toEqual([]);
  });
});
