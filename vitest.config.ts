import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // unit and integration tests sit next to the code; Playwright specs live in tests/e2e
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
