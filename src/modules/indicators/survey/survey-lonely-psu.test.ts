import { describe, expect, it } from 'vitest';
import { estimate } from './survey.service.ts';
import { SurveyDataError } from './survey-errors.ts';
import { unempCsv } from './survey-test-support.ts';

// A toy design small enough to work out by hand: stratum 1 has PSUs 11 (two rows) and 12,
// stratum 2 a single PSU 21 (lonely), stratum 3 PSUs 31, 32, 33 (33 has two rows).
const toy = `strata,psu,w,y,g
1,11,1,3,a
1,11,2,5,a
1,12,1.5,4,a
2,21,1,10,a
2,21,0.5,8,a
3,31,2,1,a
3,32,1,2,b
3,33,1,6,b
3,33,0.5,4,b
`;
const design = { weight: 'w', strata: 'strata', cluster: 'psu', variable: 'y' } as const;

// Mean: ȳ = 45/10.5 = 30/7; PSU totals of z = w(y − ȳ)/10.5, in units of 1/73.5:
//   stratum 1: 1, −3 → 2/(2−1)·Σ(t − t̄)² = 16;  stratum 2: 53;  stratum 3: −46, −16, 11 → 3/2·1626 = 2439.
const unit = 73.5 ** 2;
// Total: PSU totals of w·y: stratum 1: 13, 6 (mean 9.5); stratum 2: 14; stratum 3: 2, 2, 8 (mean 4);
// grand mean over the 6 PSUs 45/6 = 7.5.
const totalFromTwoPsuStrata = 2 * (3.5 ** 2 * 2) + 1.5 * (2 ** 2 + 2 ** 2 + 4 ** 2);

describe('a stratum with a single PSU (R: options(survey.lonely.psu))', () => {
  it('is refused by default, naming the stratum and the option to choose', async () => {
    const err = await estimate(toy, design).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SurveyDataError);
    expect((err as SurveyDataError).kind).toBe('lonely-psu');
    expect((err as SurveyDataError).message).toContain('stratum "2" (column "strata") has a single cluster (PSU)');
    expect((err as SurveyDataError).message).toContain('certainty, remove, adjust, average');
    expect((err as SurveyDataError).status).toBe(400);
  });

  it('certainty and remove: the stratum adds no variance', async () => {
    for (const lonelyPsu of ['certainty', 'remove'] as const) {
      const [m] = await estimate(toy, { ...design, lonelyPsu });
      expect(m!.estimate).toBeCloseTo(30 / 7, 12);
      expect(m!.se).toBeCloseTo(Math.sqrt((16 + 2439) / unit), 12);
      const [t] = await estimate(toy, { ...design, lonelyPsu, stat: 'total' });
      expect(t!.estimate).toBeCloseTo(45, 12);
      expect(t!.se).toBeCloseTo(Math.sqrt(totalFromTwoPsuStrata), 12);
    }
  });

  it('adjust: the lonely PSU total is centred at the mean PSU total of the whole sample', async () => {
    const [m] = await estimate(toy, { ...design, lonelyPsu: 'adjust' });
    expect(m!.se).toBeCloseTo(Math.sqrt((16 + 53 ** 2 + 2439) / unit), 12); // the scores of a mean sum to 0
    const [t] = await estimate(toy, { ...design, lonelyPsu: 'adjust', stat: 'total' });
    expect(t!.se).toBeCloseTo(Math.sqrt(totalFromTwoPsuStrata + (14 - 7.5) ** 2), 12);
  });

  it('average: the lonely stratum gets the average contribution of the others', async () => {
    const [m] = await estimate(toy, { ...design, lonelyPsu: 'average' });
    expect(m!.se).toBeCloseTo(Math.sqrt(((16 + 2439) * 3) / 2 / unit), 12);
  });

  it('a stratum sampled with certainty (fpc = its population of 1 PSU) is not lonely and adds nothing', async () => {
    const [m] = await estimate(unempCsv(true), { weight: 'wt', strata: 'str', cluster: 'clu', fpc: 'fpc', variable: 'ue91' });
    expect(m!.se).toBeGreaterThan(0);
    await expect(estimate(unempCsv(false), { weight: 'wt', strata: 'str', cluster: 'clu', variable: 'ue91' })).rejects.toThrow(/stratum "2" .* single cluster/);
  });

  it('a domain that keeps one PSU of a stratum is no lonely PSU: the missing PSUs count as zero totals', async () => {
    // domain b: ȳ = 10/2.5 = 4; PSU totals of z: 32 → −0.8, 33 → 0.8, 31 → 0 (padded): 3/2·1.28 = 1.92
    const rows = await estimate(toy, { ...design, by: ['g'], lonelyPsu: 'certainty' });
    const b = rows.find((r) => r.by.g === 'b')!;
    expect(b.estimate).toBeCloseTo(4, 12);
    expect(b.se).toBeCloseTo(Math.sqrt(1.92), 12);
    expect(b.n).toBe(3);
  });
});
