import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  failureList,
  finalLine,
  parseArgs,
  readVitestCounts,
  readVitestFailures,
  stepCounts,
  summaryTable,
  totals,
} from './test-report.mjs';

const names = ['typecheck', 'lint', 'unit', 'pg', 'build', 'e2e'];

describe('parseArgs', () => {
  it('selects all steps by default and keeps their order with --only', () => {
    expect(parseArgs([], names).steps).toEqual(names);
    expect(parseArgs(['--only', 'pg,unit'], names).steps).toEqual(['unit', 'pg']);
    expect(parseArgs(['--only=lint'], names).steps).toEqual(['lint']);
    expect(parseArgs(['--skip', 'e2e,build'], names).steps).toEqual(['typecheck', 'lint', 'unit', 'pg']);
  });

  it('rejects unknown steps and arguments', () => {
    expect(() => parseArgs(['--only', 'unit,nope'], names)).toThrow(/unknown step\(s\): nope/);
    expect(() => parseArgs(['--only'], names)).toThrow(/needs a comma-separated list/);
    expect(() => parseArgs(['--fast'], names)).toThrow(/unknown argument/);
  });
});

describe('counting', () => {
  it('reads passed, failed and pending + todo as skipped from a Vitest JSON report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koers-report-'));
    try {
      const file = join(dir, 'r.json');
      writeFileSync(file, JSON.stringify({ numPassedTests: 7, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 }));
      expect(readVitestCounts(file)).toEqual({ passed: 7, failed: 1, skipped: 3 });
      writeFileSync(file, '{not json');
      expect(readVitestCounts(file)).toBeNull();
      expect(readVitestCounts(join(dir, 'missing.json'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts check steps as one test and a failed run without failed tests as one failure', () => {
    expect(stepCounts({ status: 'passed' })).toEqual({ passed: 1, failed: 0, skipped: 0 });
    expect(stepCounts({ status: 'failed' })).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(stepCounts({ status: 'skipped' })).toEqual({ passed: 0, failed: 0, skipped: 1 });
    expect(stepCounts({ status: 'failed', counts: { passed: 0, failed: 0, skipped: 0 } })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
    expect(stepCounts({ status: 'failed', counts: { passed: 3, failed: 2, skipped: 1 } })).toEqual({
      passed: 3,
      failed: 2,
      skipped: 1,
    });
  });

  it('prints the final line, with skipped only when there are any', () => {
    const results = [
      { name: 'typecheck', status: 'passed', seconds: 1 },
      { name: 'unit', status: 'passed', counts: { passed: 10, failed: 0, skipped: 0 }, seconds: 2 },
    ];
    expect(finalLine(totals(results))).toBe('11 passed, 0 failed');
    results.push({ name: 'pg', status: 'skipped', note: 'skipped: no server', seconds: 0 });
    expect(finalLine(totals(results))).toBe('11 passed, 0 failed, 1 skipped');
    const table = summaryTable(results);
    expect(table).toMatch(/^step\s+status\s+passed\s+failed\s+skipped\s+seconds$/m);
    expect(table).toMatch(/^unit\s+passed\s+10\s+0\s+0\s+2\.0$/m);
    expect(table).toContain('pg: skipped: no server');
  });
});

describe('failed tests', () => {
  it('names each failed test with the first lines of its error, and files that failed outside a test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koers-report-'));
    try {
      const file = join(dir, 'r.json');
      writeFileSync(
        file,
        JSON.stringify({
          testResults: [
            {
              name: '/repo/src/a.test.ts',
              status: 'failed',
              assertionResults: [
                { status: 'passed', fullName: 'a works' },
                { status: 'failed', fullName: 'a counts', failureMessages: ['\u001b[31mAssertionError: expected 2 to be 3\u001b[39m\n    at x.ts:1\n  at y\n  at z'] },
              ],
            },
            { name: '/repo/src/b.test.ts', status: 'failed', message: 'Hook timed out in 60000ms', assertionResults: [] },
            { name: '/repo/src/c.test.ts', status: 'passed', assertionResults: [{ status: 'passed', fullName: 'c' }] },
          ],
        }),
      );
      const failures = readVitestFailures(file, '/repo');
      expect(failures).toEqual([
        { file: 'src/a.test.ts', test: 'a counts', error: 'AssertionError: expected 2 to be 3 | at x.ts:1 | at y' },
        { file: 'src/b.test.ts', test: '(file)', error: 'Hook timed out in 60000ms' },
      ]);
      const text = failureList([{ name: 'unit', failures }, { name: 'pg', failures: [] }]);
      expect(text).toContain('unit: src/a.test.ts > a counts');
      expect(text).toContain('unit: src/b.test.ts > (file)');
      expect(failureList([{ name: 'pg', failures: [] }])).toBe('');
      expect(readVitestFailures(join(dir, 'missing.json'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
