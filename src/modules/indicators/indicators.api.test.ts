import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { expectRoleMatrix } from '../../../test-support/role-matrix.ts';

type Obs = { geo: string; period: number; value: number | null; flags: string[]; breakdown: Record<string, string> };

describe('indicators API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());
  const get = async (url: string) => t.client().request({ method: 'GET', url });

  it('lists the bundled indicators with their headline, and targets only on the indicators they belong to', async () => {
    const res = await get('/api/v1/indicators');
    expect(res.statusCode).toBe(200);
    const list = res.json().indicators as Array<{ id: string; targets: Array<{ value: number; year: number; kind: string }>; headline: { geo: string; period: number; value: number; previous: { value: number }; change: number } | null }>;
    expect(list.map((i) => i.id)).toEqual(['lfs-4w', 'lfs-12m', 'aes-12m']);
    const fourWeeks = list.find((i) => i.id === 'lfs-4w')!;
    expect(fourWeeks.headline).toMatchObject({ geo: 'BE2', period: 2023, value: 11.2, previous: { period: 2022, value: 10.7 } });
    expect(fourWeeks.headline!.change).toBeCloseTo(0.5, 9);
    // never the EU 12-month targets on the 4-week series
    expect(fourWeeks.targets.map((x) => x.value)).not.toContain(47);
    expect(fourWeeks.targets.map((x) => x.value)).not.toContain(60);
    const twelve = list.find((i) => i.id === 'lfs-12m')!;
    expect(twelve.targets.map((x) => [x.value, x.year])).toEqual([[47, 2025], [60, 2030]]);
    expect((await get('/api/v1/indicators?goal=i')).json().indicators.length).toBe(3);
    expect((await get('/api/v1/indicators?goal=a')).json().indicators).toEqual([]);
    expect((await get('/api/v1/indicators?goal=zz')).statusCode).toBe(400);
  });

  it('describes an indicator with its geos, breakdowns and breaks in series', async () => {
    const detail = (await get('/api/v1/indicators/lfs-4w')).json();
    expect(detail.periods).toEqual({ from: 2000, to: 2023 });
    expect(detail.breakdownValues).toEqual({ sex: ['F', 'M', 'T'] });
    expect(detail.geos).toHaveLength(504);
    expect(detail.geos.find((g: { code: string }) => g.code === 'BE2')).toEqual({ code: 'BE2', name: 'Vlaams Gewest', level: 1, country: 'BE' });
    expect(detail.breaks).toContainEqual({ geo: 'BE2', period: 2021 });
    expect(detail.source.dataset).toBe('trng_lfse_04');
    expect((await get('/api/v1/indicators/nope')).statusCode).toBe(404);
    expect((await get('/api/v1/indicators/NOT%20AN%20ID')).statusCode).toBe(400);
  });

  it('serves observations for chosen geos, period and sex, with the trajectory to each target ahead', async () => {
    const res = await get('/api/v1/indicators/lfs-4w/observations?geo=BE2,EU27_2020&from=2019&to=2023&sex=F');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.breakdown).toEqual({ sex: 'F' });
    const be2 = body.observations.filter((o: Obs) => o.geo === 'BE2');
    expect(be2.map((o: Obs) => o.period)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(be2.at(-1).value).toBe(11.8);
    expect(body.trajectories).toEqual([]); // the 4-week series' only target ahead is Belgium's
    const be = (await get('/api/v1/indicators/lfs-4w/observations?geo=BE')).json();
    expect(be.trajectories).toHaveLength(1);
    expect(be.trajectories[0]).toMatchObject({ geo: 'BE', target: { value: 15, year: 2030 }, from: { period: 2023, value: 11.1 } });
    expect(be.trajectories[0].requiredYearlyGain).toBeCloseTo((15 - 11.1) / 7, 5);

    const twelve = (await get('/api/v1/indicators/lfs-12m/observations?geo=BE2')).json();
    const toSixty = twelve.trajectories.find((x: { target: { value: number } }) => x.target.value === 60);
    expect(toSixty.from).toEqual({ period: 2022, value: 22.4 });
    expect(toSixty.requiredYearlyGain).toBeCloseTo((60 - 22.4) / 8, 5);
    expect(toSixty.historicalYearlyGain).toBeCloseTo((22.4 - 20.7) / 10, 5); // 2012 → 2022;
    expect(toSixty.historicalFrom).toBe(2012);
  });

  it('refuses bad observation queries with the field and the reason', async () => {
    for (const url of ['/api/v1/indicators/lfs-4w/observations?from=abc', '/api/v1/indicators/lfs-4w/observations?geo=%3Cscript%3E', '/api/v1/indicators/lfs-12m/observations?sex=F', '/api/v1/indicators/lfs-4w/observations?from=2023&to=2000']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors?.[0]?.field, url).toBeTruthy();
    }
    expect((await get('/api/v1/indicators/lfs-4w/observations?sex=X')).json().observations).toEqual([]);
  });

  it('ranks every NUTS 2 region for a year, Flemish provinces highlighted, EU-27 and Belgium as references', async () => {
    const ranking = (await get('/api/v1/indicators/lfs-4w/ranking?year=2023')).json();
    expect(ranking.rows).toHaveLength(285);
    expect(ranking.rows[0]).toMatchObject({ rank: 1, geo: 'SE11', name: 'Stockholm', value: 41.3 });
    const rankOf = (geo: string) => ranking.rows.find((r: { geo: string }) => r.geo === geo);
    // equal values share a rank: BE10 and ES70 both have 15.6 (the data's SOURCE.md counts positions: 77th)
    expect(rankOf('BE10').rank).toBe(76);
    expect(rankOf('ES70').rank).toBe(76);
    expect(rankOf('PL91').rank).toBe(78);
    expect(rankOf('BE21')).toMatchObject({ rank: 118, value: 12.4, highlighted: true });
    expect(rankOf('BE10').highlighted).toBe(false);
    expect(ranking.rows.filter((r: { highlighted: boolean }) => r.highlighted)).toHaveLength(5);
    expect(ranking.references.map((r: { geo: string }) => r.geo)).toEqual(['EU27_2020', 'BE', 'BE1', 'BE2', 'BE3']);
    expect(ranking.references[0].value).toBe(12.8);
    expect(ranking.rows.some((r: { geo: string }) => r.geo === 'EA20')).toBe(false);
    const latest = (await get('/api/v1/indicators/lfs-4w/ranking')).json();
    expect(latest.year).toBe(2023);
    expect(latest.years.at(0)).toBe(2000);
    const countries = (await get('/api/v1/indicators/lfs-4w/ranking?year=2023&level=0')).json();
    expect(countries.rows[0]).toMatchObject({ geo: 'SE', value: 38.8 });
    expect((await get('/api/v1/indicators/lfs-4w/ranking?level=7')).statusCode).toBe(400);
  });

  it('exports CSV and JSON-stat with every observation', async () => {
    const csv = await get('/api/v1/indicators/lfs-4w/export.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe('geo,geo_name,period,sex,age,isced11,wstatus,value,flags,source');
    expect(csv.body).toContain('BE2,Vlaams Gewest,2021,T,,,,10.8,b,Eurostat (trng_lfse_04)');
    const js = (await get('/api/v1/indicators/lfs-4w/export.jsonstat')).json();
    expect(js.version).toBe('2.0');
    expect(js.id).toEqual(['sex', 'geo', 'time']);
  });

  it('imports all or nothing, updates on re-import, and reports every problem by line and column', async () => {
    const admin = t.client();
    const { email, password } = await t.addUser({ email: 'analyst-import@koers.test', role: 'analyst' });
    await admin.login(email, password);
    const post = (body: string, query: string, type = 'text/csv') => admin.request({ method: 'POST', url: `/api/v1/indicators/lfs-12m/import?${query}`, payload: body, headers: { 'content-type': type } });
    const good = 'geo,period,value,flags,source\nBE2,2023,24.1,p,https://example.org/a\nBE2,2022,22.4,,https://www.vlaamsindicatorenboek.be/6.2.5\n';
    const dry = await post(good, 'format=csv&dryRun=true');
    expect(dry.json()).toMatchObject({ ok: true, dryRun: true, inserted: 1, updated: 0, unchanged: 1 });
    const before = (await get('/api/v1/indicators/lfs-12m/observations?geo=BE2')).json().observations.length;
    expect(before).toBe(13); // the dry run wrote nothing
    expect((await post(good, 'format=csv')).json()).toMatchObject({ ok: true, inserted: 1, unchanged: 1 });
    expect((await post(good.replace('24.1', '24.3'), 'format=csv')).json()).toMatchObject({ ok: true, inserted: 0, updated: 1 });

    const bad = 'geo;period;value;flags\r\nBE2;2024;abc;\r\nBE2;1800;1;\r\nBE2;2024;1;x\r\nBE3;2024;5.0;\r\n';
    const res = await post(`\uFEFF${bad}`, 'format=csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().problems).toEqual([
      { line: 2, column: 'value', reason: '"abc" is not a number (use a decimal point)' },
      { line: 3, column: 'period', reason: '"1800" is not a year between 1900 and 2100' },
      { line: 4, column: 'flags', reason: 'unknown flag "x" (known: b, u, e, p, c, d, n, r, s, z)' },
    ]);
    const after = (await get('/api/v1/indicators/lfs-12m/observations?geo=BE3')).json().observations;
    expect(after.map((o: Obs) => o.period)).toEqual([2022]); // line 5 was fine but nothing was written

    const binary = await admin.request({ method: 'POST', url: '/api/v1/indicators/lfs-12m/import?format=csv', payload: Buffer.from([0, 1, 2, 255]), headers: { 'content-type': 'text/csv' } });
    expect(binary.json().problems[0].reason).toMatch(/binary/);
    const huge = await admin.request({ method: 'POST', url: '/api/v1/indicators/lfs-12m/import?format=csv', payload: Buffer.alloc(21 * 1024 * 1024, 65), headers: { 'content-type': 'text/csv' } });
    expect(huge.statusCode).toBe(413);
    const html = await post('geo,period,value,source\nBE2,2021,1,<script>alert(1)</script>\n', 'format=csv');
    expect(html.json().problems[0]).toMatchObject({ line: 2, column: 'source' });
    const jsonstat = await admin.request({ method: 'POST', url: '/api/v1/indicators/lfs-4w/import?format=jsonstat', payload: { version: '2.0', class: 'dataset', id: ['geo', 'time'], size: [1, 2], dimension: { geo: { category: { index: ['BE2'] } }, time: { category: { index: ['2022'] } } }, value: [1, 2] } });
    expect(jsonstat.statusCode).toBe(422);
  });

  it('lets admins and analysts import, nobody else', async () => {
    await expectRoleMatrix(t, [
      { method: 'POST', url: '/api/v1/indicators/lfs-12m/import?format=csv&dryRun=true', payload: 'geo,period,value\nBE2,2022,22.4\n', headers: { 'content-type': 'text/csv' }, allowed: ['admin', 'analyst'] },
    ]);
  });
});
