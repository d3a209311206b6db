import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKoers } from '../../test-support/run-koers.ts';
import { rootDir } from '../platform/config.ts';


const koers = (args: string[]) => runKoers(args);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koers-incentives-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

// A low-qualified employee in Flanders with a 40-hour recognised course (the done story).
const employee = {
  person: {
    birthDate: '1985-03-02', residenceRegion: 'flanders', workplaceRegion: 'flanders', employmentStatus: 'employee', sector: 'private',
    employmentFraction: 1, employmentFractionMarch: 1, weeklyHours: 38, qualificationLevel: 'low', unemploymentBenefit: false,
  },
  training: { inIncentivesDatabase: true, contactHours: 40, studyCredits: 0, degreeKind: 'none', costEur: 600, paidByEmployer: false, category: 'other', vksLevel: 3, initiative: 'own' },
};

describe('koers incentives', { timeout: 180_000 }, () => {
  it('evaluate --json prints one result per incentive in the documented shape', async () => {
    const run = await koers(['incentives', 'evaluate', '--facts', write('employee.json', JSON.stringify(employee)), '--date', '2025-09-01', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(8);
    for (const r of rows) {
      expect(['eligible', 'not-eligible', 'undetermined']).toContain(r.status);
      expect(Object.keys(r).filter((k) => !['amountEur', 'hours', 'days'].includes(k))).toEqual(['incentive', 'status', 'missingFacts', 'explanation']);
    }
    const vov = rows.find((r) => r.incentive === 'vlaams-opleidingsverlof')!;
    expect(vov).toMatchObject({ status: 'eligible', hours: 40 });
    const vouchers = rows.find((r) => r.incentive === 'opleidingscheques')!;
    expect(vouchers).toMatchObject({ status: 'eligible', amountEur: 250 }); // VKS 3: the full subsidy, capped at €250
    expect((vouchers.explanation as unknown[]).length).toBeGreaterThan(0);
  });

  it('evaluate without --json prints a readable summary in the chosen language', async () => {
    const run = await koers(['incentives', 'evaluate', '--facts', write('employee2.json', JSON.stringify(employee)), '--date', '2025-09-01', '--lang', 'nl']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Reference date 2025-09-01/);
    expect(run.stdout).toMatch(/YES .*\(vlaams-opleidingsverlof\): eligible — 40 hour/);
  });

  it('refuses impossible facts naming the fact, with exit code 1 and no stack trace', async () => {
    const bad = { person: { weeklyHours: -3, employmentFraction: 1.5, residenceRegion: 'mars' } };
    const run = await koers(['incentives', 'evaluate', '--facts', write('bad.json', JSON.stringify(bad)), '--date', '2025-09-01', '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('person.weeklyHours: must not be negative');
    expect(run.stderr).toContain('person.employmentFraction');
    expect(run.stderr).toContain('person.residenceRegion: unknown value');
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    const future = await koers(['incentives', 'evaluate', '--facts', write('future.json', '{"person": {"birthDate": "2030-01-01"}}'), '--date', '2025-09-01']);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('person.birthDate: lies after the reference date 2025-09-01');

    const notJson = await koers(['incentives', 'evaluate', '--facts', write('x.json', '{oops'), '--date', '2025-09-01']);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('is not valid JSON');
  });

  it('simulate prints every incentive for a small synthetic population, labelled SYNTHETIC, and the reform difference', async () => {
    const reform = path.join(rootDir, 'data/flanders/incentives/reforms/example-vouchers-cap.yaml');
    const run = await koers(['incentives', 'simulate', '--population', 'synthetic:20000', '--date', '2025-09-01', '--seed', '3', '--reform', reform]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^SYNTHETIC population \(generated, not official statistics\): 20,000 adults, seed 3/);
    for (const id of ['opleidingscheques', 'vlaams-opleidingsverlof', 'kmo-portefeuille', 'federaal-opleidingsrecht']) expect(run.stdout).toContain(id);
    expect(run.stdout).toMatch(/opleidingscheques .*amountEur: [\d,.]+ → [\d,.]+ \(\+[\d,.]+ EUR\)/);

    const json = await koers(['incentives', 'simulate', '--population', 'synthetic:20000', '--date', '2025-09-01', '--seed', '3', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const again = await koers(['incentives', 'simulate', '--population', 'synthetic:20000', '--date', '2025-09-01', '--seed', '3', '--json']);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(json.stdout)); // deterministic by seed
    expect(JSON.parse(json.stdout).population).toMatchObject({ kind: 'synthetic', adults: 20000 });
  });

  it('simulate refuses a reform naming an unknown parameter, naming the file and the path', async () => {
    const file = write('bad-reform.yaml', 'name: bad\nparameters:\n  opleidingscheques.capp: 300\n');
    const run = await koers(['incentives', 'simulate', '--population', 'synthetic:1000', '--date', '2025-09-01', '--reform', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file}: parameters.opleidingscheques.capp: unknown parameter "capp" of incentive "opleidingscheques"`);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    const spec = await koers(['incentives', 'simulate', '--population', 'census:2021']);
    expect(spec.code).toBe(1);
    expect(spec.stderr).toContain('--population: expected synthetic:<adults>');
  });
});
