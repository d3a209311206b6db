import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../platform/config.ts';
import { createTestDatabase } from '../../test-support/test-db.ts';
import { runKoers } from '../../test-support/run-koers.ts';

// The real `koers` command in a child process, on PGlite in a temp folder or on a fresh server database.
// Each test starts several processes (tsx + a database each), so they get minutes, not seconds.
describe(`koers command on ${process.env.KOERS_TEST_DB === 'pg' ? 'PostgreSQL' : 'PGlite'}`, { timeout: 180_000 }, () => {
  const env: Record<string, string> = { KOERS_LOG_LEVEL: 'warn', KOERS_ARGON2_MEMORY_KIB: '19456', KOERS_ARGON2_PASSES: '2' };
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (process.env.KOERS_TEST_DB === 'pg') {
      const db = await createTestDatabase();
      await db.db.destroy();
      env.DATABASE_URL = db.url!;
      cleanup = db.close;
    } else {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-cli-'));
      env.KOERS_DATA_DIR = dir;
      cleanup = () => fs.rm(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => cleanup?.());

  const koers = (args: string[], stdin = '') => runKoers(args, { env: { ...env, DATABASE_URL: env.DATABASE_URL ?? '' }, stdin });

  it('migrates up, down and up again, and reports status', async () => {
    const up = await koers(['migrate', 'up']);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/applied \d{12}-platform-core/);
    const down = await koers(['migrate', 'down', '--all']);
    expect(down.stdout).toMatch(/reverted \d{12}-platform-core/);
    expect((await koers(['migrate', 'status'])).stdout).toMatch(/^pending {2}\d{12}-platform-core/m);
    await koers(['migrate', 'up']);
    expect((await koers(['migrate', 'status'])).stdout).toMatch(/^applied {2}\d{12}-platform-core/m);
  });

  it('adds accounts with the password from stdin, never from an argument', async () => {
    const add = await koers(['user', 'add', '--email', 'Chef@Koers.test', '--role', 'admin'], 'a long enough password\n');
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('added chef@koers.test (admin)');

    const argv = await koers(['user', 'add', '--email', 'x@koers.test', '--role', 'admin', '--password', 'secret123456']);
    expect(argv.code).not.toBe(0);
    expect(argv.stderr).toContain("unknown option '--password'");

    const short = await koers(['user', 'add', '--email', 'y@koers.test', '--role', 'analyst'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: must be at least 12 characters');

    const unbound = await koers(['user', 'add', '--email', 'z@koers.test', '--role', 'editor'], 'a long enough password\n');
    expect(unbound.code).toBe(1);
    expect(unbound.stderr).toContain('organisationId: an editor is bound to one stakeholder organisation');

    const twice = await koers(['user', 'add', '--email', 'chef@koers.test', '--role', 'admin'], 'a long enough password\n');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('exists already');

    await koers(['user', 'add', '--email', 'ed@koers.test', '--role', 'editor', '--organisation', 'vdab'], 'a long enough password\n');
    const disable = await koers(['user', 'disable', '--email', 'ed@koers.test']);
    expect(disable.stdout).toContain('disabled ed@koers.test');
    const list = JSON.parse((await koers(['user', 'list', '--json'])).stdout) as Array<{ email: string; role: string; disabled: boolean; organisationId: string | null }>;
    expect(list.map((u) => [u.email, u.role, u.disabled, u.organisationId])).toEqual([
      ['chef@koers.test', 'admin', false, null],
      ['ed@koers.test', 'editor', true, 'vdab'],
    ]);
  });

  it('seeds idempotently', async () => {
    const first = await koers(['seed']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/seed: \d+ rows added/);
    const second = await koers(['seed']);
    expect(second.stdout).toContain('seed: nothing to add, data already loaded');
  });

  it('exports an indicator and imports a file with progress and a report; a bad file writes nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-ind-'));
    try {
      const out = path.join(dir, 'lfs-12m.csv');
      expect((await koers(['indicators', 'export', '--indicator', 'lfs-12m', '--out', out])).code).toBe(0);
      expect(await fs.readFile(out, 'utf8')).toContain('BE2,Vlaams Gewest,2022,,,,,22.4,,https://www.vlaamsindicatorenboek.be/6.2.5');
      const again = await koers(['indicators', 'import', out, '--indicator', 'lfs-12m']);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('Importing lfs-12m.csv into lfs-12m');
      expect(again.stdout).toMatch(/18 values read: 0 new, 0 updated, 18 unchanged — imported/);
      const bad = path.join(dir, 'bad.tsv');
      await fs.writeFile(bad, 'freq,unit,sex,age,geo\\TIME_PERIOD\t2024 \nA,PC,T,Y25-64,BE2\t12.0 q\n');
      const refused = await koers(['indicators', 'import', bad, '--indicator', 'lfs-4w']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('line 2, column 2: unknown flag "q"');
      expect(refused.stdout).toContain('nothing imported');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('exports the plan as CSV and imports it, with --dry-run and a report per row', async () => {
    const file = path.join(os.tmpdir(), `koers-plan-${process.pid}.csv`);
    const bad = `${file}.bad.csv`;
    try {
      expect((await koers(['plan', 'export', '--out', file])).code).toBe(0);
      const dry = await koers(['plan', 'import', file, '--dry-run']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/0 to create, 0 to update, \d+ unchanged, 0 with errors — dry run: nothing written/);
      await fs.writeFile(bad, 'reference,year,status\nK-01,2024,finished\n');
      const refused = await koers(['plan', 'import', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain('line 2, column status (K-01 2024): unknown status "finished"');
      expect(refused.stdout).toContain('nothing imported');
    } finally {
      await fs.rm(file, { force: true });
      await fs.rm(bad, { force: true });
    }
  });

  /** `koers serve` on a free port, with its URL once it says it is running, its stderr so far and its exit. */
  async function serve(extraEnv: Record<string, string> = {}) {
    const child = spawn(process.execPath, [path.join(rootDir, 'bin/koers.js'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '', ...extraEnv },
      cwd: rootDir,
    });
    const run = { child, stderr: '', exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))) };
    child.stderr.on('data', (d) => (run.stderr += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = out.match(/Koers is running at (http:\/\/\S+)/);
          if (m) resolve(m[1]!);
        });
        void run.exited.then((code) => reject(new Error(`serve exited with ${code}: ${run.stderr}`)));
      });
      return { ...run, url };
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
  }

  it('serves, prints its URL and becomes ready', async () => {
    const { child, url } = await serve();
    try {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      const portal = await (await fetch(`${url}/api/v1/portal`)).json();
      expect(portal.region.id).toBe('flanders');
    } finally {
      child.kill('SIGTERM');
    }
  });

  // Several processes share a PostgreSQL server; the embedded database lives inside one process.
  const onServer = process.env.KOERS_TEST_DB === 'pg';
  it(onServer ? 'serves from two processes (KOERS_WORKERS=2) and stops them all' : 'refuses KOERS_WORKERS=2 on the embedded database, naming the setting', async () => {
    if (!onServer) {
      const r = await runKoers(['serve', '--port', '0', '--host', '127.0.0.1'], { env: { ...env, DATABASE_URL: '', KOERS_WORKERS: '2' } });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/KOERS_WORKERS: more than one process needs DATABASE_URL/);
      return;
    }
    const run = await serve({ KOERS_WORKERS: '2' });
    try {
      const pids = [...new Set([...run.stderr.matchAll(/process (\d+) listening/g)].map((m) => Number(m[1])))];
      expect(pids).toHaveLength(2);
      for (let i = 0; i < 6; i++) expect((await fetch(`${run.url}/readyz`)).status).toBe(200);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      // every process is gone
      for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('explains every command with --help', async () => {
    const commands = [[], ['serve'], ['migrate'], ['migrate', 'up'], ['migrate', 'down'], ['migrate', 'status'], ['seed'], ['user'], ['user', 'add'], ['user', 'list'], ['user', 'disable'], ['plan'], ['plan', 'import'], ['plan', 'export'], ['indicators'], ['indicators', 'import'], ['indicators', 'export'], ['indicators', 'estimate']];
    const runs = await Promise.all(commands.map((cmd) => koers([...cmd, '--help'])));
    runs.forEach((r, i) => {
      expect(r.code, commands[i]!.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: koers/);
    });
  });
});
