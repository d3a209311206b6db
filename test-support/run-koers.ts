import { spawn } from 'node:child_process';
import path from 'node:path';
import { rootDir } from '../src/platform/config.ts';

export type KoersRun = { code: number | null; stdout: string; stderr: string };

/** Runs the real `koers` command in a child process, as a user would, and collects its output. */
export function runKoers(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<KoersRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(rootDir, 'bin/koers.js'), ...args], {
      cwd: rootDir,
      env: { ...process.env, KOERS_LOG_LEVEL: 'warn', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
