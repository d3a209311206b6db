import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import { readPdf } from './pdf-text.test-support.ts';
import { REPORT_HTML_CSP } from './annual-report.service.ts';

// The annual report through the public route, on the seeded Flemish data plus one edited report.
describe('annual report API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.addUser({ email: 'admin@koers.test', role: 'admin' });
    const admin = t.client();
    await admin.login('admin@koers.test');
    const put = await admin.request({
      method: 'PUT',
      url: '/api/v1/plan/actions/K-18/reports/2024',
      payload: { status: 'implementing', progress: 40, narrative: { nl: 'De koppeling van competentietalen loopt volgens plan.' }, obstacles: [{ text: 'Te weinig databeheerders', severity: 'high', owner: 'VDAB' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    const milestone = await admin.request({ method: 'POST', url: '/api/v1/plan/actions/K-18/milestones', payload: { date: '2024-06-01', title: { nl: 'Eerste koppeling in gebruik' } } });
    expect(milestone.statusCode, milestone.body).toBe(201);
    // markup cannot come in through the API; a direct write stands in for a hostile import
    await sql`update plan_report set narrative = ${JSON.stringify({ nl: 'Zie <b>x</b> en <script>alert(1)</script>' })}::jsonb where reference = 'K-16' and year = 2024`.execute(t.database.db);
  });
  afterAll(async () => t?.close());

  const get = (query: string) => t.client().request({ method: 'GET', url: `/api/v1/plan/report?${query}` });
  const flat = (s: string) => s.replace(/\s+/g, ' ');

  it('serves the Dutch PDF with title page, contents with page numbers, sections, flagships and actions', async () => {
    const res = await get('year=2024&lang=nl');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="koers-jaarrapport-2024-nl.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, info } = await readPdf(res.rawPayload);
    expect(info).toMatchObject({ Author: 'Koers', Language: 'nl-BE' });
    expect(String(info.Title)).toContain('Jaarrapport 2024');
    const all = flat(pages.join(' '));
    expect(flat(pages[0]!)).toContain('Jaarrapport 2024');
    expect(flat(pages[0]!)).toContain('Actieplan levenslang leren. Koers zetten naar een lerend Vlaanderen');
    expect(flat(pages[0]!)).toContain('Gegenereerd door Koers uit de gegevens zoals vastgelegd op');
    const toc = flat(pages[1]!);
    expect(toc).toContain('Inhoud');
    const summaryPage = Number(/1 Samenvatting (\d+)/.exec(toc)?.[1]);
    expect(flat(pages[summaryPage - 1]!)).toContain('1 Samenvatting');
    for (const heading of ['Statusverdeling', 'Evolutie ten opzichte van 2023', 'Acties per vlaggenschip', 'Acties zonder vlaggenschip', 'Over dit rapport en bronnen']) {
      expect(toc).toMatch(new RegExp(`${heading} \\d+`));
      expect(all).toContain(heading);
    }
    expect(all).toContain('Vlaggenschip a: knowledge agenda for LLL (Engels)');
    expect(all).toContain('van de 47 acties uit het plan');
    expect(all).toContain('K-09 Leercollectief');
    expect(all).toContain('(Engels) "Efforts to mobilise citizens and organisations');
    expect(all).toContain('De koppeling van competentietalen loopt volgens plan.');
    expect(all).toContain('Status: in uitvoering · Voortgang: 40%');
    expect(all).toContain('Te weinig databeheerders');
    expect(all).toContain('ernst: hoog · verantwoordelijke: VDAB · niet opgelost');
    expect(all).toContain('1 juni 2024: Eerste koppeling in gebruik');
    expect(all).toContain('Koers kent geen officieel gepubliceerde cijfers voor 2024.');
    expect(all).toContain('https://www.cedefop.europa.eu/en/tools/timeline-vet-policies-europe/search/43782');
    pages.forEach((p, i) => expect(flat(p)).toContain(`pagina ${i + 1} van ${pages.length}`));
  });

  it('serves the English PDF, with official figures apart and marked unverified', async () => {
    const res = await get('year=2022&lang=en&format=pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="koers-annual-report-2022-en.pdf"');
    const { pages, info } = await readPdf(res.rawPayload);
    expect(info.Language).toBe('en-GB');
    const all = flat(pages.join(' '));
    expect(flat(pages[0]!)).toContain('Annual report 2022');
    expect(flat(pages[0]!)).toContain('Action plan for lifelong learning: Setting course to a learning Flanders');
    expect(flat(pages[1]!)).toMatch(/Contents .*1 Summary \d+/);
    expect(flat(pages[1]!)).toMatch(/4\.1 Flagship a: knowledge agenda for LLL \d+/);
    for (const heading of ['Status distribution', 'Change since 2021', 'Actions by flagship', 'Actions not assigned to a flagship', 'About this report and sources']) expect(all).toContain(heading);
    expect(all).toContain('Official published figures for 2022 (unverified)');
    expect(all).toContain('being implemented: 27');
    expect(all).toContain('Source: Cedefop & ReferNet [1]');
    expect(all).toContain('Reports recorded for 2022: 1. By status:');
    expect(all).toContain('K-02 LLL Dashboard');
    expect(all).toContain('The official figures for 2022 are unverified.');
    expect(flat(pages[0]!)).toContain(`page 1 of ${pages.length}`);
  });

  it('serves a standalone HTML page with its own CSP, escaping markup from the data', async () => {
    const res = await get('year=2024&lang=nl&format=html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(REPORT_HTML_CSP);
    expect(REPORT_HTML_CSP).toContain("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(REPORT_HTML_CSP).not.toContain('script-src');
    const html = res.body;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Zie &lt;b&gt;x&lt;/b&gt; en &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>x</b>');
    for (const heading of ['Inhoud', 'Samenvatting', 'Statusverdeling', 'Acties per vlaggenschip', 'knowledge agenda for LLL', 'Over dit rapport en bronnen']) expect(html).toContain(heading);
    expect(html).toContain('href="#summary"');
  });

  it('refuses bad input with a problem naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['year=2019', 'querystring.year'],
      ['year=2031', 'querystring.year'],
      ['', 'querystring.year'],
      ['year=2023&lang=de', 'querystring.lang'],
      ['year=2023&format=doc', 'querystring.format'],
    ];
    for (const [query, field] of cases) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field), query).toContain(field);
    }
  });
});
