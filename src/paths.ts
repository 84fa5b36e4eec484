import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root, found by walking up from this module: the same code runs from `src/` (tests,
 * tsx) and from `dist/src/` (the built CLI), one directory deeper.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schemas'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('conversations-mock: cannot find the package root (schemas/ beside package.json)');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const schemasDir = join(packageRoot, 'schemas');
export const fixturesDir = join(packageRoot, 'fixtures');
