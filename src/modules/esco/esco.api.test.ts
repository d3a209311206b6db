import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { loadEsco } from './esco-load.service.ts';
import { escoModule } from './esco.module.ts';
import { ESCO_ATTRIBUTION_TEXT } from './esco-source.ts';
import { escoDataDir, migrateWithEsco } from './esco.test-support.ts';

const TECHNICAL_DIRECTOR_ID = '00030d09-2b3a-4efd-87cc-c4ea39d27c34';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('ESCO API', () => {
  let t: TestApp;
  const get = (url: string) => t.client().request({ method: 'GET', url });
  beforeAll(async () => {
    t = await createTestApp({ modules: [escoModule], seed: false });
    await migrateWithEsco(t.database.db);
    const r = await loadEsco(t.database.db, escoDataDir);
    console.log(`ESCO loaded for the API test in ${r.ms} ms`); // shown, not asserted
  }, 180_000); // a whole ESCO load: far longer on a loaded CI machine
  afterAll(async () => t?.close());

  it('credits ESCO in every answer, with the text of data/esco SOURCE.md', async () => {
    const source = await fs.readFile(path.join(escoDataDir, 'SOURCE.md'), 'utf8');
    expect(source).toContain(ESCO_ATTRIBUTION_TEXT);
    const skill = (await get('/api/v1/esco/skills?q=welding')).json().items[0];
    for (const url of ['/api/v1/esco', '/api/v1/esco/occupations?q=lasser', `/api/v1/esco/occupations/${TECHNICAL_DIRECTOR_ID}`, '/api/v1/esco/skills?q=welding', `/api/v1/esco/skills/${skill.id}`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.json().attribution, url).toMatchObject({ text: ESCO_ATTRIBUTION_TEXT, version: '1.1.1' });
    }
    expect((await get('/api/v1/esco')).json().version).toMatchObject({ version: '1.1.1', counts: { occupations: 3007, skills: 13896, relations: 123855 } });
  });

  it('searches occupations in Dutch and English, through alternative labels and typos', async () => {
    const items = async (qs: string) => (await get(`/api/v1/esco/occupations?${qs}`)).json().items as Array<{ label: string; labelLang: string; code: string; match: { label: string; kind: string } }>;
    expect((await items('q=lasser&lang=nl'))[0]).toMatchObject({ label: 'lasser', labelLang: 'nl' });
    expect((await items('q=lasser&lang=en'))[0]).toMatchObject({ label: 'welder', labelLang: 'en', match: { label: 'lasser' } });
    expect((await items('q=toneelmeester&lang=nl'))[0]).toMatchObject({ code: '2654.1.7', label: 'inspiciënt', match: { kind: 'alternative' } });
    expect((await items('q=weldr&lang=en&limit=10')).map((o) => o.label)).toContain('welder');
    expect(await items('q=kok&limit=3')).toHaveLength(3);
    expect((await items('q=we&lang=en')).length).toBeGreaterThan(0); // short: prefix search
  });

  it('serves one occupation by its URI id or ESCO code, with essential and optional skills', async () => {
    const byId = (await get(`/api/v1/esco/occupations/${TECHNICAL_DIRECTOR_ID}?lang=nl`)).json().occupation;
    const byCode = (await get('/api/v1/esco/occupations/2654.1.7?lang=nl')).json().occupation;
    expect(byCode).toEqual(byId);
    expect(byId).toMatchObject({ code: '2654.1.7', label: 'inspiciënt', labelLang: 'nl', labels: { en: 'technical director', nl: 'inspiciënt' }, iscoGroup: { code: '2654' } });
    expect(byId.essentialSkills.length).toBeGreaterThan(0);
    expect(byId.essentialSkills[0]).toMatchObject({ uri: expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\/skill\//), labelLang: 'en' });
    const fr = (await get(`/api/v1/esco/occupations/${TECHNICAL_DIRECTOR_ID}?lang=fr`)).json().occupation;
    expect(fr).toMatchObject({ label: 'technical director', labelLang: 'en' }); // no French labels bundled: English, and said so
  });

  it('searches skills and serves one with its broader groups and the occupations that need it', async () => {
    const items = (await get('/api/v1/esco/skills?q=welding&lang=en')).json().items as Array<{ id: string; label: string }>;
    expect(items.map((s) => s.label)).toContain('welding techniques');
    const welding = items.find((s) => s.label === 'welding techniques')!;
    const skill = (await get(`/api/v1/esco/skills/${welding.id}?lang=nl`)).json().skill;
    expect(skill).toMatchObject({ label: 'welding techniques', skillType: 'knowledge' });
    expect(skill.broader.length).toBeGreaterThan(0);
    expect(skill.occupations.essentialCount + skill.occupations.optionalCount).toBeGreaterThan(0);
    expect(skill.occupations.items.map((o: { label: string }) => o.label)).toContain('lasser');
  });

  it('answers bad input with 400 naming the field, and unknown ids with 404', async () => {
    const cases: Array<[string, string]> = [
      ['/api/v1/esco/occupations', 'q'],
      ['/api/v1/esco/occupations?q=', 'q'],
      [`/api/v1/esco/occupations?q=${'a'.repeat(10_000)}`, 'q'],
      ['/api/v1/esco/occupations?q=kok&lang=de', 'lang'],
      ['/api/v1/esco/occupations?q=kok&limit=0', 'limit'],
      ['/api/v1/esco/occupations?q=kok&limit=abc', 'limit'],
      ['/api/v1/esco/skills?q=weld&limit=1000', 'limit'],
      ['/api/v1/esco/occupations/not-an-id', 'id'],
      ['/api/v1/esco/occupations/%3Cscript%3E', 'id'],
      ['/api/v1/esco/skills/2654.1.7', 'id'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      expect(res.statusCode, url.slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.json().errors), url.slice(0, 80)).toContain(field);
    }
    for (const url of [`/api/v1/esco/occupations/${UNKNOWN_ID}`, '/api/v1/esco/occupations/9999.9', `/api/v1/esco/skills/${UNKNOWN_ID}`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().type).toBe('urn:koers:problem:not-found');
    }
  });

  it('takes quotes, operators, other scripts and emoji as plain text', async () => {
    for (const q of ['"lasser"', "o'neill", 'las* OR 1=1; --', '100%_\\', 'сварщик', '🔥 welder', '   ']) {
      const res = await get(`/api/v1/esco/occupations?q=${encodeURIComponent(q)}`);
      expect([200, 400], q).toContain(res.statusCode);
      if (q.trim()) expect(res.statusCode, q).toBe(200);
    }
  });

  it('documents the routes under the esco tag', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const p of ['/api/v1/esco/occupations', '/api/v1/esco/occupations/{id}', '/api/v1/esco/skills', '/api/v1/esco/skills/{id}']) {
      expect(doc.paths[p]?.get?.tags, p).toEqual(['esco']);
    }
  });
});
