import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const read = (path: string) => readFileSync(join(packageRoot, path), 'utf8');

describe('README', () => {
  it('shows the in-process example exactly as test/integration/readme-example.test.ts runs it', () => {
    expect(read('README.md')).toContain('```ts\n' + read('test/integration/readme-example.test.ts') + '```');
  });

  it('documents every CLI flag', async () => {
    const { FLAGS } = await import('../../mock-server/flags.js');
    const readme = read('README.md');
    expect(FLAGS.map((f) => `--${f.name}`).filter((flag) => !readme.includes(flag))).toEqual([]);
  });
});
