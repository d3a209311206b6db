import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests share one server and one Chromium per file: run files one after another.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // a busy CI machine renders slower than a quiet one: poll for up to 15 s
    expect: { poll: { timeout: 15_000 } },
  },
});
