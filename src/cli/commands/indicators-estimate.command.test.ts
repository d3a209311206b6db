import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKoers } from '../../../test-support/run-koers.ts';
import { surveyDataDir } from '../../modules/indicators/survey/survey-test-support.ts';


const koers = (args: string[]) => runKoers(args);

const reference = fs
  .readFileSync(path.join(surveyDataDir, 'r_reference/est_basic.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.replaceAll('"', '').split(','))
  .filter(([design]) => design === 'strat_fpc'); // each run starts tsx: one design is enough here

describe('koers indicators estimate', { timeout: 120_000 }, () => {
  const strat = path.join(surveyDataDir, 'apistrat.csv');

  it('prints the same estimates and standard errors as R (est_basic.csv, strat_fpc: weights from the fpc) with --json', async () => {
    expect(reference).toHaveLength(5);
    for (const [design, variable, stat, est, se] of reference) {
      const [y, x] = variable!.split('/');
      expect(design).toBe('strat_fpc');
      const designArgs = ['--file', strat, '--strata', 'stype', '--fpc', 'fpc'];
      const run = await koers(['indicators', 'estimate', ...designArgs, '--var', y!, '--stat', stat!, ...(x ? ['--denominator', x] : []), '--json']);
      expect(run.code, run.stderr).toBe(0);
      const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(Object.keys(row)).toEqual(['by', 'variable', 'stat', 'estimate', 'se', 'ci_low', 'ci_high', 'n', 'flags']);
      expect(row.variable).toBe(variable);
      expect(Math.abs((row.estimate as number) / Number(est) - 1)).toBeLessThan(1e-6);
      expect(Math.abs((row.se as number) / Number(se) - 1)).toBeLessThan(1e-6);
    }
  });

  it('prints a readable table by breakdown, with u for small cells', async () => {
    const run = await koers(['indicators', 'estimate', '--file', strat, '--weight', 'pw', '--strata', 'stype', '--var', 'api00', '--by', 'stype,awards']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^stype\s+awards\s+variable\s+stat\s+estimate\s+se\s+ci_low\s+ci_high\s+n\s+flags$/);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^E\s+No\s+api00\s+mean\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+27\s+u$/);
  });

  it('refuses bad input with a message naming the column, and exits 1', async () => {
    const unknown = await koers(['indicators', 'estimate', '--file', strat, '--weight', 'weights', '--var', 'api00', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('column "weights" is not in the file');
    const noWeight = await koers(['indicators', 'estimate', '--file', strat, '--var', 'api00']);
    expect(noWeight.code).toBe(1);
    expect(noWeight.stderr).toContain('--weight: give a weight column, or an fpc column to derive the weights from');
    const missing = await koers(['indicators', 'estimate', '--file', path.join(surveyDataDir, 'nope.csv'), '--weight', 'pw', '--var', 'api00']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--file: cannot read');
  });
});
