import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';

const survey = (name: string) => readFileSync(new URL(`../../../data/reference/survey/${name}`, import.meta.url));
const reference = readFileSync(new URL('../../../data/reference/survey/r_reference/est_basic.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map((c) => c.replace(/"/g, '')));
const expected = (design: string, variable: string, stat: string) => {
  const row = reference.find((r) => r[0] === design && r[1] === variable && r[2] === stat)!;
  return { est: Number(row[3]), se: Number(row[4]) };
};

describe('weighted survey estimates API', () => {
  let t: TestApp;
  let analyst: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    const u = await t.addUser({ email: 'analyst@koers.test', role: 'analyst' });
    analyst = t.client();
    await analyst.login(u.email, u.password);
  });
  afterAll(async () => t?.close());
  const post = (query: string, body: Buffer | string) => analyst.request({ method: 'POST', url: `/api/v1/indicators/estimates?${query}`, payload: body, headers: { 'content-type': 'text/csv' } });

  it('gives the estimates and standard errors R survey gives (stratified design)', async () => {
    const res = await post('weight=pw&strata=stype&var=api00&stat=mean', survey('apistrat.csv'));
    expect(res.statusCode).toBe(200);
    const [row] = res.json().estimates;
    const r = expected('strat_w', 'api00', 'mean');
    expect(Math.abs(row.estimate - r.est) / r.est).toBeLessThan(1e-6);
    expect(Math.abs(row.se - r.se) / r.se).toBeLessThan(1e-6);
    expect(row.ci_low).toBeCloseTo(row.estimate - 1.959964 * row.se, 4);
    expect(res.json().saved).toBeNull();
    // the rows themselves are never in the answer
    expect(res.body).not.toContain('Open Magnet');
  });

  it('breaks down by a column and flags small cells', async () => {
    const res = await post('weight=pw&cluster=dnum&var=api00&by=stype&minN=50', survey('apiclus1.csv'));
    const rows = res.json().estimates as Array<{ by: { stype: string }; n: number; flags: string[] }>;
    expect(rows.map((r) => r.by.stype).sort()).toEqual(['E', 'H', 'M']);
    for (const r of rows) expect(r.flags.includes('u')).toBe(r.n < 50);
  });

  it('refuses bad options and bad microdata with the field and the reason', async () => {
    const missing = await post('weight=pw&var=nope', survey('apisrs.csv'));
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toMatch(/nope/);
    const noWeight = await post('var=api00', survey('apisrs.csv'));
    expect(noWeight.statusCode).toBe(400);
    expect(noWeight.json().errors[0].field).toBe('weight');
    const negative = await post('weight=w&var=x', 'w,x\n1,2\n-1,3\n');
    expect(negative.statusCode).toBe(400);
    const ratio = await post('weight=pw&var=api00&stat=ratio', survey('apisrs.csv'));
    expect(ratio.json().errors[0].field).toBe('denominator');
  });

  it('stores a proportion as observations of an indicator, with the upload named as the source', async () => {
    const res = await post('weight=pw&strata=stype&var=sch.wide&stat=proportion&saveTo=lfs-12m&geo=BE2&period=2025&category=Yes&file=api-test.csv', survey('apistrat.csv'));
    expect(res.statusCode).toBe(200);
    const { estimates, saved } = res.json();
    expect(saved).toMatchObject({ indicator: 'lfs-12m', stored: 1, inserted: 1 });
    const yes = estimates.find((e: { category: string }) => e.category === 'Yes');
    const obs = (await t.client().request({ method: 'GET', url: '/api/v1/indicators/lfs-12m/observations?geo=BE2&from=2025' })).json().observations;
    expect(obs).toHaveLength(1);
    expect(obs[0].value).toBeCloseTo(yes.estimate * 100, 5);
    expect(obs[0].source).toMatch(/^Survey estimate from api-test\.csv, uploaded by analyst@koers\.test/);
    const wrongDim = await post('weight=pw&strata=stype&var=api00&by=stype&saveTo=lfs-4w&geo=BE2&period=2025', survey('apistrat.csv'));
    expect(wrongDim.statusCode).toBe(400);
    expect(wrongDim.json().errors[0].field).toBe('by');
  });

  it('is for analysts and admins only', async () => {
    await expectRoleMatrix(t, [{ method: 'POST', url: '/api/v1/indicators/estimates?weight=pw&var=api00', payload: survey('apisrs.csv').toString(), headers: { 'content-type': 'text/csv' }, allowed: ['admin', 'analyst'] }]);
  });
});
