import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, expectNoCspErrors, openPage, signIn, waitForPage } from './helpers.ts';
import { admin, editor } from './users.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type ActionReply = { reference: string; reports: { year: number }[] };

/** Like expect.poll, with room for a sign-in (argon2) or a reply on a busy machine. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const h1 = (page: Page) => page.locator('main h1').innerText();
const path = (page: Page) => new URL(page.url()).pathname;

async function upload(page: Page, csv: string, checkOnly: boolean) {
  await page.getByLabel('Csv-bestand').setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const box = page.getByLabel('Alleen controleren (proefrun): er wordt niets opgeslagen');
  if ((await box.isChecked()) !== checkOnly) await box.click();
  await page.getByRole('button', { name: checkOnly ? 'Bestand controleren' : 'Importeren' }).click();
}

/** The count beside a label in the result's summary. */
const count = (page: Page, label: string) =>
  page.locator('.import-counts .facts__row', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText();

describe('plan import', () => {
  it('sends anonymous visitors to the sign-in and refuses other roles', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/plan/import');
    await poll(() => path(page)).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/plan/import');

    await signIn(page, editor, '/plan/import');
    await poll(() => h1(page)).toBe('Geen toegang');
    expect(await page.locator('main').innerText()).toContain('alleen beheerders kunnen acties en rapporten importeren');
    expect(await page.locator('main form').count()).toBe(0);
    await context.close();
  });

  it('refuses a file with a bad row and imports nothing, then checks a good file without writing it', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await signIn(page, admin, '/plan/import');
    await poll(() => path(page)).toBe('/plan/import');
    await waitForPage(page);
    expect(await h1(page)).toBe('Acties en rapporten importeren');
    expect(await page.getByRole('link', { name: 'Alle acties en rapporten (csv)' }).getAttribute('href')).toBe('/api/v1/plan/export.csv');
    expect(await page.getByRole('link', { name: /voor Excel/ }).getAttribute('href')).toBe('/api/v1/plan/export.csv?separator=semicolon');
    await expectNoAxeViolations(page, 'plan import');
    const before = (await (await page.request.get('/api/v1/plan/actions/K-01')).json()) as ActionReply;

    await upload(page, 'reference,year,status\nK-01,2024,finished\n', false);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Er is niets geïmporteerd.');
    const errorRow = page.locator('table.import-errors tbody tr').first();
    const cells = await errorRow.locator('td').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(['2', 'K-01', '2024', 'status']);
    expect(cells[4]).toContain('unknown status "finished"');
    expect(await count(page, 'Met fouten')).toBe('1');
    await expectNoAxeViolations(page, 'plan import refused');
    const afterRefusal = (await (await page.request.get('/api/v1/plan/actions/K-01')).json()) as ActionReply;
    expect(afterRefusal.reports).toEqual(before.reports);

    await upload(page, 'reference,year,status\nK-01,2025,implementing\n', true);
    const status = page.locator('main [role="status"].notice--success');
    await status.waitFor();
    expect(await status.innerText()).toContain('er is niets opgeslagen');
    expect(await count(page, 'Aan te maken')).toBe('1');
    expect(await page.locator('.error-summary').count()).toBe(0);
    await expectNoAxeViolations(page, 'plan import dry run');

    const after = await page.request.get('/api/v1/plan/actions/K-01');
    expect(after.status()).toBe(200);
    const action = (await after.json()) as ActionReply;
    expect(action.reports.some((report) => report.year === 2025)).toBe(false);
    expectNoCspErrors(tracked, 'plan import');
    await tracked.context.close();
  });
});

describe('plan downloads', () => {
  const thisYear = new Date().getFullYear();
  const lastYear = Math.max(2021, Math.min(2030, thisYear - 1));

  it('links the annual report in the page language and the CSV export; admins also get the import', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/plan');
    await waitForPage(page);
    const downloads = page.locator('section', { has: page.locator('h2', { hasText: 'Downloads' }) });
    const pdf = downloads.getByRole('link', { name: `Jaarrapport ${lastYear} (pdf)` });
    expect(await pdf.getAttribute('href')).toBe(`/api/v1/plan/report?year=${lastYear}&lang=nl&format=pdf`);
    expect(await pdf.getAttribute('download')).not.toBeNull();
    expect(await downloads.getByRole('link', { name: `Jaarrapport ${lastYear} (webpagina)` }).getAttribute('href')).toBe(
      `/api/v1/plan/report?year=${lastYear}&lang=nl&format=html`,
    );
    expect(await downloads.getByRole('link', { name: /importeren/ }).count()).toBe(0);

    await page.getByLabel('Jaar van het jaarrapport').selectOption('2022');
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => downloads.getByRole('link', { name: 'Annual report 2022 (PDF)' }).getAttribute('href')).toBe('/api/v1/plan/report?year=2022&lang=en&format=pdf');
    await expectNoAxeViolations(page, 'plan overview downloads');
    expectNoCspErrors(tracked, 'plan overview downloads');

    await signIn(page, admin, '/plan');
    await poll(() => path(page)).toBe('/plan');
    await waitForPage(page);
    await page.locator('main').getByRole('link', { name: /Import actions and reports|importeren/ }).click();
    await poll(() => path(page)).toBe('/plan/import');
    await tracked.context.close();
  });
});
