// Shared by bench/*.bench.ts: child servers, waiting for them, memory, and the BENCH output line.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export interface Figure {
  figure: string;
  label: string;
  unit: string;
  koers: number;
  peer: number;
  peerLabel: string;
  better: 'higher' | 'lower';
}

export function report(f: Figure): void {
  process.stdout.write(`BENCH ${JSON.stringify(f)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export function seconds(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// Nearest-rank percentile, p in 0..100.
export function percentile(xs: ArrayLike<number>, p: number): number {
  const s = Float64Array.from(xs).sort();
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : NaN;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `koers-bench-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  logFile: string;
  exited: Promise<void>;
}

// Spawns node itself (no shell, so the pid is the server's) with output to a file, not a pipe:
// the bench process then spends no CPU draining the server's logs.
export function spawnNode(args: string[], env: NodeJS.ProcessEnv, logFile: string): Child {
  const fd = openSync(logFile, 'a');
  const proc = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (proc.pid === undefined) throw new Error(`could not start node ${args.join(' ')}`);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return { proc, pid: proc.pid, logFile, exited };
}

export function logTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function assertAlive(child: Child, what: string): void {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
    throw new Error(`${what}: the process exited (${child.proc.exitCode ?? child.proc.signalCode})\n${logTail(child.logFile)}`);
  }
}

// Reads the child's log until it prints its URL; returns the port.
export async function waitForPort(child: Child, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const m = /https?:\/\/[^\s]+:(\d+)/.exec(readFileSync(child.logFile, 'utf8'));
    if (m) return Number(m[1]);
    assertAlive(child, 'waiting for the listening line');
    await sleep(20);
  }
  throw new Error(`no listening URL within ${timeoutMs} ms\n${logTail(child.logFile)}`);
}

// Polls until the URL answers 200.
export async function waitFor200(url: string, child: Child, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    assertAlive(child, `waiting for ${url}`);
    await sleep(5);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms\n${logTail(child.logFile)}`);
}

// Peak resident set size of a live process, in MiB.
export function peakRssMiB(pid: number): number {
  const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

export async function stop(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timer);
}

// The Koers server as `npm start` runs it, on an embedded database in dataDir, loopback only.
export function koersEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    KOERS_DATA_DIR: dataDir,
    KOERS_LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL; // always the embedded PGlite
  return env;
}

// BENCH_KOERS_BIN benchmarks another copy of the koers command (e.g. an older checkout).
export const koersArgs = [process.env.BENCH_KOERS_BIN || 'bin/koers.js', 'serve'];
export const peerArgs = ['bench/bare-fastify.mjs'];
