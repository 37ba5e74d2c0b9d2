import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // unit tests sit next to their module; scenario suites sit in each app's or package's test/;
    // Playwright specs live in tests/e2e
    include: [
      'apps/*/src/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
