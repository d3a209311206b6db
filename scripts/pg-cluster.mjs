// A throwaway PostgreSQL cluster for tests: temp dir, trust auth, loopback only, no fsync.
//   import { startPgCluster } from './pg-cluster.mjs'   → { url, dir, stop() }
//   node scripts/pg-cluster.mjs start                   → prints the URL, then `data-dir: <dir>`
//   node scripts/pg-cluster.mjs stop <dir>
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';

export function missingBinariesMessage(binDir) {
  return [
    `PostgreSQL server binaries not found in ${binDir} (need initdb, pg_ctl, postgres).`,
    'Install them:  apt-get install postgresql-15   (Debian 12; use sudo when not root)',
    'or point the tests at a server where the user may create databases:',
    '  KOERS_TEST_DATABASE_URL=postgres://user@host:5432/postgres npm test',
    'or skip the PostgreSQL tests:  KOERS_SKIP_PG=1 npm test',
  ].join('\n');
}

export function pgBinariesPresent(binDir = DEFAULT_PG_BIN) {
  return ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(binDir, b)));
}

// postgres refuses to run as root: then every server command runs as the `postgres` user.
const asRoot = process.getuid?.() === 0;

function pgUser() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root, but there is no `postgres` OS user to run the server as.');
  }
}

function command(binDir, bin, args) {
  const file = join(binDir, bin);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

function run(binDir, bin, args, cwd) {
  const [file, argv] = command(binDir, bin, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${bin} failed: ${err.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Synchronous so it also works from an 'exit' handler.
export function stopPgCluster(dir, { binDir = DEFAULT_PG_BIN } = {}) {
  if (!existsSync(join(dir, 'PG_VERSION'))) throw new Error(`${dir} is not a PostgreSQL data directory`);
  const [file, argv] = command(binDir, 'pg_ctl', ['stop', '-m', 'immediate', '-D', dir]);
  try {
    execFileSync(file, argv, { cwd: dir, stdio: 'ignore' });
  } catch {
    // already stopped: nothing to do but remove the files
  }
  rmSync(dir, { recursive: true, force: true });
}

const running = new Set();
let hooked = false;

function stopAllRunning() {
  for (const c of running) c.stop();
}

function hookProcessExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', stopAllRunning);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      stopAllRunning();
      process.kill(process.pid, sig); // listener was `once`: this re-raise gets the default action
    });
  }
}

export async function startPgCluster({ binDir = DEFAULT_PG_BIN, stopOnExit = true } = {}) {
  if (!pgBinariesPresent(binDir)) throw new Error(missingBinariesMessage(binDir));
  const dir = mkdtempSync(join(tmpdir(), 'koers-pg-'));
  if (asRoot) {
    const { uid, gid } = pgUser();
    chownSync(dir, uid, gid);
  }
  try {
    await run(binDir, 'initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], dir);
    // Another process may take the port between probing and binding: retry with a new one.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const opts = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
      try {
        await run(binDir, 'pg_ctl', ['start', '-w', '-t', '60', '-D', dir, '-l', join(dir, 'server.log'), '-o', opts], dir);
      } catch (err) {
        const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
        if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
        throw new Error(`${err.message}\n--- server.log ---\n${log}`);
      }
      let stopped = false;
      const cluster = {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        dir,
        port,
        stop() {
          if (stopped) return;
          stopped = true;
          running.delete(cluster);
          stopPgCluster(dir, { binDir });
        },
      };
      if (stopOnExit) {
        running.add(cluster);
        hookProcessExit();
      }
      return cluster;
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function main([cmd, arg]) {
  const binDir = process.env.KOERS_PG_BIN || DEFAULT_PG_BIN;
  if (cmd === 'start') {
    const { url, dir } = await startPgCluster({ binDir, stopOnExit: false });
    console.log(url);
    console.log(`data-dir: ${dir}`);
  } else if (cmd === 'stop' && arg) {
    stopPgCluster(arg, { binDir }); // silent on success: CI's last line stays the test summary
  } else {
    console.error('usage: node scripts/pg-cluster.mjs start | stop <data-dir>');
    process.exit(2);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
}
