import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores in CI: keep workers to what the machine has.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 15_000,
  },
});
