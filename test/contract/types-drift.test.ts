import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedTypesPath, generateTypes } from '../../scripts/types-generator.js';

describe('generated types', () => {
  it('match what schemas/ generates (run "npm run gen:types" and commit when this fails)', async () => {
    const committed = readFileSync(generatedTypesPath, 'utf8');
    expect(committed === (await generateTypes()), 'src/types/generated.ts is out of date with schemas/').toBe(true);
  });
});
