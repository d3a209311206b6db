import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate } from './survey.service.ts';
import type { EstimateOptions, EstimateRow } from './survey.schema.ts';
import { num, readSurveyFile, unempCsv, rowsOf, surveyDataDir, textbook, type PlainDesign, type Row } from './survey-test-support.ts';

const relErr = (got: number, want: number) => (got === want ? 0 : Math.abs(got / want - 1));

// The designs of r_reference/est_basic.csv (see SOURCE.md there), as estimate options.
const designs: Record<string, [file: string, options: Partial<EstimateOptions>]> = {
  srs_w: ['apisrs.csv', { weight: 'pw' }],
  srs_fpc: ['apisrs.csv', { fpc: 'fpc' }],
  strat_w: ['apistrat.csv', { weight: 'pw', strata: 'stype' }],
  strat_fpc: ['apistrat.csv', { fpc: 'fpc', strata: 'stype' }],
  clus1_w: ['apiclus1.csv', { weight: 'pw', cluster: 'dnum' }],
  clus1_fpc: ['apiclus1.csv', { fpc: 'fpc', cluster: 'dnum' }],
};

const reference = fs
  .readFileSync(path.join(surveyDataDir, 'r_reference/est_basic.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.replaceAll('"', '').split(','))
  .map(([design, variable, stat, est, se]) => ({ design: design!, variable: variable!, stat: stat as 'mean' | 'total' | 'ratio', est: Number(est), se: Number(se) }));

async function one(file: string, options: EstimateOptions): Promise<EstimateRow> {
  const rows = await estimate(readSurveyFile(file), options);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('survey estimates against R survey 4.5 (r_reference/est_basic.csv)', () => {
  const cases = reference.filter((r) => designs[r.design]);
  it('covers every design of est_basic.csv we have data for (nhanes is not shipped)', () => {
    expect(new Set(cases.map((c) => c.design))).toEqual(new Set(Object.keys(designs)));
    expect(cases).toHaveLength(30);
    expect(reference.filter((r) => !designs[r.design]).map((r) => r.design)).toEqual(['nhanes', 'nhanes']);
  });

  it.each(cases.map((c) => [`${c.design} ${c.stat} ${c.variable}`, c] as const))('%s', async (_, c) => {
    const [file, design] = designs[c.design]!;
    const [variable, denominator] = c.variable.split('/');
    const row = await one(file, { ...design, variable: variable!, denominator, stat: c.stat });
    expect(row.variable).toBe(c.variable);
    expect(relErr(row.estimate, c.est)).toBeLessThanOrEqual(1e-6);
    expect(relErr(row.se, c.se)).toBeLessThanOrEqual(1e-6);
    expect(row.ci_low).toBeCloseTo(c.est - 1.959963984540054 * c.se, 6 - Math.round(Math.log10(c.est)));
    expect(row.ci_high - row.estimate).toBeCloseTo(row.estimate - row.ci_low, 6);
    expect(row.by).toEqual({});
  });
});

describe('values printed in the R survey documentation', () => {
  // dclus1 <- svydesign(id=~dnum, weights=~pw, data=apiclus1, fpc=~fpc); svyby(~api99, ~stype, dclus1, svymean)
  it('svyby(~api99, ~stype, dclus1, svymean)', async () => {
    const rows = await estimate(readSurveyFile('apiclus1.csv'), { weight: 'pw', fpc: 'fpc', cluster: 'dnum', variable: 'api99', by: ['stype'] });
    const printed = { E: [607.7917, 22.8166], H: [595.7143, 41.764], M: [608.6, 32.56064] } as const;
    expect(rows.map((r) => r.by.stype)).toEqual(['E', 'H', 'M']);
    for (const r of rows) {
      const [est, se] = printed[r.by.stype as keyof typeof printed];
      expect(Math.abs(r.estimate - est)).toBeLessThan(5e-5);
      expect(Math.abs(r.se - se)).toBeLessThan(5e-6);
    }
    expect(rows.map((r) => r.n)).toEqual([144, 14, 25]);
    expect(rows.map((r) => r.flags)).toEqual([[], ['u'], ['u']]);
  });

  it('dclus1 (pw with fpc): mean api00 644.17 (23.542), total enroll 3,404,940 (932,235)', async () => {
    const mean = await one('apiclus1.csv', { weight: 'pw', fpc: 'fpc', cluster: 'dnum', variable: 'api00' });
    expect([mean.estimate.toFixed(2), mean.se.toFixed(3)]).toEqual(['644.17', '23.542']);
    const total = await one('apiclus1.csv', { weight: 'pw', fpc: 'fpc', cluster: 'dnum', variable: 'enroll', stat: 'total' });
    expect([total.estimate.toFixed(0), total.se.toFixed(0)]).toEqual(['3404940', '932235']);
  });

  // The lonely-PSU page of the survey documentation: a certainty stratum (fpc 1) and a stratum of 31.
  it('unemp: a certainty PSU given by fpc contributes no variance (445.18 (132.39), 15077 (458.53))', async () => {
    const csv = unempCsv(true);
    const [m] = await estimate(csv, { weight: 'wt', strata: 'str', cluster: 'clu', fpc: 'fpc', variable: 'ue91' });
    expect([m!.estimate.toFixed(2), m!.se.toFixed(2)]).toEqual(['445.18', '132.39']);
    const [t] = await estimate(csv, { weight: 'wt', strata: 'str', cluster: 'clu', fpc: 'fpc', variable: 'ue91', stat: 'total' });
    expect([t!.estimate.toFixed(0), t!.se.toFixed(2)]).toEqual(['15077', '458.53']);
  });
});

describe('domains and proportions against a plain textbook computation', () => {
  const strat = rowsOf('apistrat.csv');
  const clus = rowsOf('apiclus1.csv');
  const srs = rowsOf('apisrs.csv');
  const popsize = (rows: Row[], h: (r: Row) => string, what: (r: Row) => string) => {
    // 1 − n_h/N_h with n_h the PSUs of stratum h and N_h its fpc value
    return (s: string) => {
      const inH = rows.filter((r) => h(r) === s);
      return 1 - new Set(inH.map(what)).size / num(inH[0]!.fpc);
    };
  };
  const stratDesign: PlainDesign = { weight: (r) => num(r.pw), stratum: (r) => r.stype!, psu: (r) => r['']!, oneMinusF: popsize(strat, (r) => r.stype!, (r) => r['']!) };
  const clusDesign: PlainDesign = { weight: (r) => num(r.pw), stratum: () => '', psu: (r) => r.dnum!, oneMinusF: popsize(clus, () => '', (r) => r.dnum!) };
  const srsDesign: PlainDesign = { weight: (r) => num(r.pw), stratum: () => '', psu: (r) => r['']!, oneMinusF: () => 1 };
  const setups = [
    ['stratified, fpc', 'apistrat.csv', strat, stratDesign, { weight: 'pw', strata: 'stype', fpc: 'fpc' }],
    ['one-stage cluster, fpc', 'apiclus1.csv', clus, clusDesign, { weight: 'pw', cluster: 'dnum', fpc: 'fpc' }],
    ['simple random sample, weights only', 'apisrs.csv', srs, srsDesign, { weight: 'pw' }],
  ] as const;

  for (const [label, file, rows, design, options] of setups) {
    describe(label, () => {
      it('means and totals by awards × yr.rnd (a domain cuts across strata and clusters)', async () => {
        for (const stat of ['mean', 'total'] as const) {
          const got = await estimate(readSurveyFile(file), { ...options, variable: 'api00', stat, by: ['awards', 'yr.rnd'] });
          expect(got.length).toBeGreaterThanOrEqual(2);
          for (const g of got) {
            const inDomain = (r: Row) => r.awards === g.by.awards && r['yr.rnd'] === g.by['yr.rnd'];
            const want = textbook(rows, design, inDomain, (r) => num(r.api00), stat === 'mean' ? () => 1 : null);
            expect(relErr(g.estimate, want.estimate)).toBeLessThan(1e-9);
            expect(relErr(g.se, want.se)).toBeLessThan(1e-9);
            expect(g.n).toBe(rows.filter(inDomain).length);
          }
        }
      });

      it('proportions of a categorical variable, one row per category, by stype', async () => {
        const got = await estimate(readSurveyFile(file), { ...options, variable: 'sch.wide', stat: 'proportion', by: ['stype'] });
        const stypes = [...new Set(rows.map((r) => r.stype!))].sort();
        const cats = [...new Set(rows.map((r) => r['sch.wide']!))].sort();
        expect(got.map((g) => `${g.by.stype}:${g.category}`)).toEqual(stypes.flatMap((s) => cats.map((c) => `${s}:${c}`)));
        for (const g of got) {
          const inDomain = (r: Row) => r.stype === g.by.stype;
          const want = textbook(rows, design, inDomain, (r) => (r['sch.wide'] === g.category ? 1 : 0), () => 1);
          expect(relErr(g.estimate, want.estimate)).toBeLessThan(1e-9);
          expect(relErr(g.se, want.se)).toBeLessThan(1e-9);
          expect(g.n).toBe(rows.filter(inDomain).length);
          expect(g.n_category).toBe(rows.filter((r) => inDomain(r) && r['sch.wide'] === g.category).length);
        }
        const sums = stypes.map((s) => got.filter((g) => g.by.stype === s).reduce((t, g) => t + g.estimate, 0));
        for (const s of sums) expect(s).toBeCloseTo(1, 12);
      });

      it('ratios by stype', async () => {
        const got = await estimate(readSurveyFile(file), { ...options, variable: 'api00', denominator: 'api99', stat: 'ratio', by: ['stype'] });
        for (const g of got) {
          const want = textbook(rows, design, (r) => r.stype === g.by.stype, (r) => num(r.api00), (r) => num(r.api99));
          expect(relErr(g.estimate, want.estimate)).toBeLessThan(1e-9);
          expect(relErr(g.se, want.se)).toBeLessThan(1e-9);
        }
      });

      it('a variable with missing values: those rows leave the domain, the design stays whole (na.rm = TRUE)', async () => {
        // acs.k3 is NA for every high school and some others
        expect(rows.some((r) => r['acs.k3'] === 'NA')).toBe(true);
        const got = await estimate(readSurveyFile(file), { ...options, variable: 'acs.k3' });
        const want = textbook(rows, design, (r) => r['acs.k3'] !== 'NA', (r) => num(r['acs.k3']), () => 1);
        expect(relErr(got[0]!.estimate, want.estimate)).toBeLessThan(1e-9);
        expect(relErr(got[0]!.se, want.se)).toBeLessThan(1e-9);
        expect(got[0]!.n).toBe(rows.filter((r) => r['acs.k3'] !== 'NA').length);
      });
    });
  }

  it('flags cells under minN respondents with u (30 by default, configurable)', async () => {
    const rows = await estimate(readSurveyFile('apistrat.csv'), { weight: 'pw', strata: 'stype', variable: 'api00', by: ['stype', 'awards'] });
    for (const r of rows) expect(r.flags).toEqual(r.n < 30 ? ['u'] : []);
    expect(rows.some((r) => r.flags.includes('u'))).toBe(true);
    const none = await estimate(readSurveyFile('apistrat.csv'), { weight: 'pw', strata: 'stype', variable: 'api00', by: ['stype', 'awards'], minN: 0 });
    expect(none.every((r) => r.flags.length === 0)).toBe(true);
  });
});
