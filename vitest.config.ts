import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The suite compares --jobs 2 with --jobs 1 on inputs too small for threads to pay off: here
    // they are used anyway (for any run of 512 items or more), so the parallel path is what is compared.
    env: { SMKI_LINT_DEBUG_THREADS: '1' },
  },
});
