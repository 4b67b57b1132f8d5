import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Long random-edit runs, kept out of `npm test`: `npm run soak`, more runs with SOAK_RUNS, one seed with SOAK_SEED.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/soak/**/*.test.ts'],
    testTimeout: 3_600_000,
  },
});
