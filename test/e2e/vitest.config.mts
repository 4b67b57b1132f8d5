import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The end-to-end tests start real editors: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120000,
    hookTimeout: 240000,
  },
});
