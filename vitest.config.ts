import { fileURLToPath } from 'node:url';
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
    // Test databases (and the koers processes tests start) seed ESCO's small real-row sample, not
    // the whole release; the esco module's own tests load the whole release explicitly.
    env: { KOERS_ESCO_DIR: fileURLToPath(new URL('test-support/esco-sample/v1.1.1', import.meta.url)) },
    globalSetup: ['test-support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
