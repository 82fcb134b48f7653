import { defineConfig } from 'vitest/config';

// Unit, store (PGlite, or PostgreSQL when KEFU_TEST_DATABASE_URL is set) and HTTP tests.
// Browser tests live in test/e2e and run with vitest.e2e.config.ts.
export const config = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

export default config;
