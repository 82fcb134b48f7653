import { defineConfig } from 'vitest/config';

// Browser tests: Playwright (playwright-core) driving Debian's Chromium against the built server.
export const config = defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});

export default config;
