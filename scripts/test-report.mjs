// Pure helpers of scripts/test.mjs: argument parsing, counting, the summary table and final line.
import { existsSync, readFileSync } from 'node:fs';

export function parseArgs(argv, stepNames) {
  const opts = { help: false, steps: [...stepNames] };
  const list = (value, flag) => {
    if (!value) throw new Error(`${flag} needs a comma-separated list of steps`);
    const names = value.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((n) => !stepNames.includes(n));
    if (unknown.length) throw new Error(`unknown step(s): ${unknown.join(', ')} (steps: ${stepNames.join(', ')})`);
    return names;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '--help' || flag === '-h') opts.help = true;
    else if (flag === '--only') {
      const names = list(inline ?? argv[++i], flag);
      opts.steps = stepNames.filter((n) => names.includes(n));
    } else if (flag === '--skip') {
      const names = list(inline ?? argv[++i], flag);
      opts.steps = opts.steps.filter((n) => !names.includes(n));
    } else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return opts;
}

// Counts from a Vitest JSON report, or null when the run wrote none (crash, bad config).
export function readVitestCounts(file) {
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: r.numPassedTests ?? 0,
      failed: r.numFailedTests ?? 0,
      skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    };
  } catch {
    return null;
  }
}

// What a step adds to the final line. A check step (typecheck, lint, build) is one test; a failed
// test step with no failed test (no tests found, crash) still adds one failure.
export function stepCounts(result) {
  const { status, counts } = result;
  if (status === 'skipped') return { passed: 0, failed: 0, skipped: 1 };
  if (!counts) return { passed: status === 'passed' ? 1 : 0, failed: status === 'failed' ? 1 : 0, skipped: 0 };
  const failed = status === 'failed' && counts.failed === 0 ? 1 : counts.failed;
  return { passed: counts.passed, failed, skipped: counts.skipped };
}

export function totals(results) {
  const t = { passed: 0, failed: 0, skipped: 0 };
  for (const r of results) {
    const c = stepCounts(r);
    t.passed += c.passed;
    t.failed += c.failed;
    t.skipped += c.skipped;
  }
  return t;
}

export function finalLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

export function summaryTable(results) {
  const rows = [['step', 'status', 'passed', 'failed', 'skipped', 'seconds']];
  for (const r of results) {
    const c = stepCounts(r);
    rows.push([r.name, r.status, String(c.passed), String(c.failed), String(c.skipped), r.seconds.toFixed(1)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) =>
    row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const notes = results.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`);
  return [...lines, ...notes].join('\n');
}
