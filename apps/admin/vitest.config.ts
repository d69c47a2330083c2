import { defineConfig } from 'vitest/config';

// Unit checks of the SPA's source (the end-to-end tests have their own config: vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // generous: CI runs on a loaded 2-core machine (no test here measures time)
    testTimeout: 60_000,
  },
});
