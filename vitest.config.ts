import { defineConfig } from 'vitest/config';

// `KOERS_TEST_DB=pg` re-runs only the tests that touch the database (*.db.test.ts, *.api.test.ts)
// against a PostgreSQL server; the default run uses embedded PGlite and runs everything.
const onServer = process.env.KOERS_TEST_DB === 'pg';

export default defineConfig({
  test: {
    include: onServer
      ? ['src/**/*.{db,api}.test.ts', 'test-support/**/*.{db,api}.test.ts']
      : ['src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'test-support/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
