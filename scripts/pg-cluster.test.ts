import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PG_BIN, missingBinariesMessage, pgBinariesPresent, startPgCluster } from './pg-cluster.mjs';

describe('pg-cluster', () => {
  it('explains how to get PostgreSQL when the binaries are missing', async () => {
    expect(pgBinariesPresent('/nonexistent')).toBe(false);
    expect(missingBinariesMessage('/nonexistent')).toMatch(/apt-get install postgresql-15[\s\S]*KOERS_TEST_DATABASE_URL[\s\S]*KOERS_SKIP_PG=1/);
    await expect(startPgCluster({ binDir: '/nonexistent', stopOnExit: false })).rejects.toThrow(/not found in \/nonexistent/);
  });

  it.skipIf(!pgBinariesPresent(DEFAULT_PG_BIN))('starts a throwaway cluster that accepts connections, and removes it on stop', async () => {
    const cluster = await startPgCluster();
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        const { rows } = await client.query("select current_setting('fsync') as fsync, current_setting('server_version_num')::int as v");
        expect(rows[0]).toMatchObject({ fsync: 'off' });
        expect(rows[0].v).toBeGreaterThanOrEqual(150000);
        await client.query('create database koers_probe');
      } finally {
        await client.end();
      }
    } finally {
      cluster.stop();
    }
    expect(existsSync(cluster.dir)).toBe(false);
    cluster.stop(); // a second stop is harmless
  });
});
