// `npm run bench`: runs every bench/*.bench.ts in turn (or those whose name contains an argument)
// and prints their `BENCH {json}` lines as one table. BENCH_DURATION, BENCH_WARMUP, BENCH_REPEAT tune them.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!filters.length || filters.some((x) => f.includes(x))))
  .sort();

function runBench(file) {
  return new Promise((resolve) => {
    const figures = [];
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', file)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('BENCH ')) return console.log(line);
      try {
        figures.push(JSON.parse(line.slice(6)));
      } catch {
        console.error(`${file}: unreadable line: ${line}`);
      }
    });
    child.on('close', (code, signal) => {
      const why = signal ?? (code !== 0 ? `exit ${code}` : figures.length ? '' : 'no BENCH lines');
      resolve({ ok: !why, figures, why });
    });
  });
}

function fmt(n) {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '-';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en');
  return n.toPrecision(3);
}

function table(rows) {
  const head = ['figure', 'what', 'Koers', 'peer', 'ratio'];
  const body = rows.map((f) => {
    const ratio = f.peer ? `${(f.koers / f.peer).toFixed(2)}x (${f.better} is better)` : '-';
    return [f.figure, `${f.label} [${f.unit}]`, fmt(f.koers), `${fmt(f.peer)} (${f.peerLabel})`, ratio];
  });
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

if (!files.length) {
  console.error(`no bench/*.bench.ts matches ${filters.join(', ')}`);
  process.exit(2);
}
const figures = [];
const failed = [];
for (const file of files) {
  console.log(`==> ${file}`);
  const started = performance.now();
  const r = await runBench(file);
  figures.push(...r.figures);
  if (!r.ok) failed.push(`${file} (${r.why})`);
  console.log(`<== ${file} ${r.ok ? 'done' : `FAILED (${r.why})`} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const cpu = cpus();
console.log(`\nKoers benchmarks: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`);
console.log(table(figures));
if (failed.length) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
