import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { admin, editor, vdabEditor } from './users.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const koers = join(root, 'bin', 'koers.js');

/** Newest modification time of any file below dir. */
function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds the web app when dist/web is missing or older than its sources (a stale build tests old code). */
function buildWeb(): void {
  const index = join(root, 'dist', 'web', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(root, 'web'))) return;
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const env = { ...process.env, NODE_ENV: 'production' };
  const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`web build failed (exit ${build.status})`);
}

function addUser(env: NodeJS.ProcessEnv, args: string[], password: string): void {
  const result = spawnSync(process.execPath, [koers, 'user', 'add', ...args], {
    cwd: root,
    env,
    input: `${password}\n`,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`koers user add ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/** Starts `koers serve` on a free port and resolves with its base URL once it prints it. */
function startServer(env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; baseUrl: string }> {
  const server = spawn(process.execPath, [koers, 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('server did not print its address within 180 s')), 180_000);
    function fail(error: Error) {
      clearTimeout(timer);
      server.kill('SIGTERM');
      reject(new Error(`${error.message}\n--- server output ---\n${output}`));
    }
    let started = false;
    // Keep draining stdout after start-up too, or a full pipe would block the server.
    server.stdout?.on('data', (chunk: Buffer) => {
      if (started) {
        if (process.env.KOERS_E2E_VERBOSE) process.stdout.write(chunk);
        return;
      }
      output += chunk.toString();
      const match = /(https?):\/\/([^\s"/]+):(\d+)/.exec(output);
      if (!match) return;
      started = true;
      clearTimeout(timer);
      // A wildcard bind address is not something to browse to: use loopback then.
      const host = ['0.0.0.0', '[::]', '::'].includes(match[2] ?? '') ? '127.0.0.1' : match[2];
      resolve({ server, baseUrl: `${match[1]}://${host}:${match[3]}` });
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.KOERS_E2E_VERBOSE) process.stderr.write(chunk);
    });
    server.on('exit', (code) => fail(new Error(`server exited early (code ${code})`)));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'koers-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, KOERS_DATA_DIR: dataDir, KOERS_LOG_LEVEL: 'warn', PORT: '0' };
  delete env.DATABASE_URL; // always the throwaway embedded database
  delete env.NODE_ENV; // run the server as users get it, not in Vitest's "test" mode

  addUser(env, ['--email', admin.email, '--role', 'admin'], admin.password);
  addUser(env, ['--email', editor.email, '--role', 'editor', '--organisation', 'test-org'], editor.password);
  addUser(env, ['--email', vdabEditor.email, '--role', 'editor', '--organisation', vdabEditor.organisation], vdabEditor.password);

  const { server, baseUrl } = await startServer(env);
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.removeAllListeners('exit');
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
