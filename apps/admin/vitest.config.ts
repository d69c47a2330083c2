import { defineConfig } from 'vitest/config';

// Unit checks of the SPA's source (the end-to-end tests have their own config: vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
  },
});
