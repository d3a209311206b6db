// `npm test`: every check in order, each timed, all run even after a failure; summary at the end.
//   npm test -- --only unit,pg      npm test -- --skip e2e      npm test -- --help
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PG_BIN, missingBinariesMessage, pgBinariesPresent, startPgCluster } from './pg-cluster.mjs';
import { failureList, finalLine, parseArgs, readVitestCounts, readVitestFailures, summaryTable, totals } from './test-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let reports; // made once the arguments are known

function exec(file, args, env = process.env) {
  console.log(`$ ${[file.replace(`${root}/`, ''), ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const check = (file, args) => async () => ({ status: (await exec(file, args)) === 0 ? 'passed' : 'failed' });

function vitest(name, args, env) {
  return async () => {
    const json = join(reports, `${name}.json`);
    const code = await exec(bin('vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], env);
    return {
      status: code === 0 ? 'passed' : 'failed',
      counts: readVitestCounts(json) ?? { passed: 0, failed: 0, skipped: 0 },
      failures: readVitestFailures(json, root),
    };
  };
}

async function pgTests() {
  let url = process.env.KOERS_TEST_DATABASE_URL;
  let cluster;
  if (!url) {
    const binDir = process.env.KOERS_PG_BIN || DEFAULT_PG_BIN;
    if (!pgBinariesPresent(binDir)) {
      if (process.env.KOERS_SKIP_PG === '1') {
        const note = `skipped: KOERS_SKIP_PG=1 and no PostgreSQL binaries in ${binDir}, so the database tests did not run on PostgreSQL`;
        console.log(note);
        return { status: 'skipped', note };
      }
      console.error(missingBinariesMessage(binDir));
      return { status: 'failed', note: `no PostgreSQL binaries in ${binDir} (see above)` };
    }
    try {
      cluster = await startPgCluster({ binDir });
    } catch (err) {
      console.error(err.message);
      return { status: 'failed', note: 'could not start a throwaway PostgreSQL cluster' };
    }
    url = cluster.url;
    console.log(`throwaway PostgreSQL cluster at ${url} (${cluster.dir})`);
  } else {
    console.log('using KOERS_TEST_DATABASE_URL');
  }
  try {
    return await vitest('pg', [], { ...process.env, KOERS_TEST_DB: 'pg', KOERS_TEST_DATABASE_URL: url })();
  } finally {
    cluster?.stop();
  }
}

const unitEnv = { ...process.env };
delete unitEnv.KOERS_TEST_DB; // the PGlite run must not inherit a server setting

const steps = [
  { name: 'typecheck', title: 'typecheck (tsc)', run: check(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) },
  { name: 'lint', title: 'lint (eslint)', run: check(bin('eslint'), ['.']) },
  { name: 'unit', title: 'unit and API tests on PGlite (vitest)', run: vitest('unit', [], unitEnv) },
  { name: 'pg', title: 'database tests on PostgreSQL (vitest)', run: pgTests },
  { name: 'build', title: 'web build (vite)', run: check(bin('vite'), ['build', '--config', 'web/vite.config.ts']) },
  { name: 'e2e', title: 'browser tests in Chromium (vitest)', run: vitest('e2e', ['--config', 'e2e/vitest.config.ts']) },
];

let opts;
try {
  opts = parseArgs(process.argv.slice(2), steps.map((s) => s.name));
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
if (opts.help) {
  console.log('usage: npm test [-- --only a,b] [-- --skip a,b]\nsteps, in order:');
  for (const s of steps) console.log(`  ${s.name.padEnd(10)} ${s.title}`);
  process.exit(0);
}

reports = mkdtempSync(join(tmpdir(), 'koers-test-'));
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    rmSync(reports, { recursive: true, force: true });
    process.kill(process.pid, sig); // no listener left: the default action ends the process
  });
}
const selected = steps.filter((s) => opts.steps.includes(s.name));
const results = [];
for (const [i, step] of selected.entries()) {
  console.log(`\n==> [${i + 1}/${selected.length}] ${step.name}: ${step.title}`);
  const started = performance.now();
  let result;
  const build = results.find((r) => r.name === 'build');
  if (step.name === 'e2e' && build && build.status !== 'passed') {
    result = { status: 'skipped', note: 'skipped: the web build failed, so there is no app to test' };
    console.log(result.note);
  } else {
    try {
      result = await step.run();
    } catch (err) {
      console.error(err.stack ?? err);
      result = { status: 'failed', note: `crashed: ${err.message}` };
    }
  }
  const seconds = (performance.now() - started) / 1000;
  results.push({ name: step.name, ...result, seconds });
  console.log(`<== ${step.name} ${result.status} in ${seconds.toFixed(1)} s`);
}
rmSync(reports, { recursive: true, force: true });

const failed = failureList(results);
if (failed) console.log(`\n${failed}`);
console.log(`\n${summaryTable(results)}\n`);
console.log(finalLine(totals(results)));
process.exitCode = results.some((r) => r.status === 'failed') ? 1 : 0;
