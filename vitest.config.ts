import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Speech tests load real models; two cores here, so keep files from fighting for them.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
