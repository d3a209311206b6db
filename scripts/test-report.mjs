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

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'); // the reporters' colours

// The failed tests of a Vitest JSON report with the first lines of their errors, so the end of a
// CI log (often all that is kept) names what failed. A file that failed outside any test (import
// error, hook timeout) is listed by its file.
export function readVitestFailures(file, root = '') {
  if (!existsSync(file)) return [];
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const brief = (text) =>
    String(text ?? '')
      .replace(ANSI_COLOUR, '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, 3)
      .join(' | ')
      .slice(0, 400);
  const out = [];
  for (const f of r.testResults ?? []) {
    const name = root && f.name?.startsWith(root) ? f.name.slice(root.length).replace(/^\//, '') : f.name;
    const failed = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) out.push({ file: name, test: a.fullName ?? a.title, error: brief(a.failureMessages?.[0]) });
    if (f.status === 'failed' && failed.length === 0) out.push({ file: name, test: '(file)', error: brief(f.message) });
  }
  return out;
}

export function failureList(results) {
  const lines = [];
  for (const r of results) {
    for (const f of r.failures ?? []) lines.push(`  ${r.name}: ${f.file} > ${f.test}\n      ${f.error}`);
  }
  return lines.length ? `failed tests:\n${lines.join('\n')}` : '';
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
