import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { expectNoAxeViolations, expectNoCspErrors, openPage, waitForPage } from './helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
const h1 = (page: Page) => page.locator('main h1').innerText();
const search = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);



/** Waits for the chart that Observable Plot draws (loaded on demand), named by its title and summary. */
async function waitForChart(page: Page, scope: string): Promise<void> {
  await page.locator(`${scope} svg.ind-plot[role="img"]`).waitFor();
}

/** The text of the table cell for a geo in the row of a period. */
function cell(page: Page, period: number, geo: string) {
  return page.locator('table.series-table tbody tr', { has: page.locator(`th:text-is("${period}")`) }).locator(`td[data-geo="${geo}"]`);
}

describe('indicators dashboard', () => {
  it('shows each indicator with its latest value, change, target distance and breaks in words', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const response = await page.goto('/indicators');
    expect(response?.status()).toBe(200);
    await waitForPage(page);
    expect(await h1(page)).toBe('Indicatoren levenslang leren');
    await poll(() => page.locator('.indicator-card').count()).toBe(3);

    // Reachable from the site navigation, which marks it as the current page.
    expect(await page.locator('.site-nav a[aria-current="page"]').innerText()).toBe('Indicatoren');

    const fourWeeks = page.locator('.indicator-card', { has: page.locator('a[href="/indicators/lfs-4w"]') }).first();
    const text = () => fourWeeks.innerText();
    expect(await fourWeeks.locator('.indicator-card__value').innerText()).toBe('Vlaams Gewest, 2023: 11,2%');
    expect(await text()).toContain('+0,5 procentpunt ten opzichte van 2022 (10,7%).');
    await poll(text).toMatch(/Breuken in de reeks in [^:]*2021: de waarden voor en na elke breuk zijn niet volledig vergelijkbaar\./);
    // The 4-week rate has no target ahead: no distance to 47 % or 60 % on its card.
    expect(await fourWeeks.locator('.indicator-card__gap').count()).toBe(0);
    expect(await text()).not.toMatch(/\b(47|60)\s?%/);
    // The sparkline is decoration; its numbers are in text.
    expect(await fourWeeks.locator('svg.sparkline').getAttribute('aria-hidden')).toBe('true');
    expect(await text()).toContain('Verloop 2000–2023: van 6,9% naar 11,2%.');

    const twelveMonths = page.locator('.indicator-card', { has: page.locator('a[href="/indicators/lfs-12m"]') }).first();
    expect(await twelveMonths.locator('.indicator-card__gap').innerText()).toMatch(/^Nog \d+,\d procentpunt tot het doel van 47% in 2025\.$/);

    await expectNoAxeViolations(page, 'indicators dashboard');
    expectNoCspErrors(tracked, 'indicators dashboard');
    await tracked.context.close();
  });
});

describe('indicator page', () => {
  it('shows the 4-week series of Flanders with its breaks, and never the 12-month targets', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/indicators/lfs-4w');
    await waitForPage(page);
    expect(await h1(page)).toBe('Deelname aan opleiding in de laatste 4 weken (25-64 jaar)');
    await waitForChart(page, '.series-figure');

    // The table has the same numbers, in Dutch number format, with flags as letters.
    await poll(() => cell(page, 2023, 'BE2').innerText()).toBe('11,2');
    expect(await cell(page, 2021, 'BE2').innerText()).toMatch(/^10,8\s*b/);
    expect(await cell(page, 2021, 'BE2').locator('abbr').getAttribute('title')).toBe('breuk in de reeks');
    const headers = await page.locator('table.series-table thead th').allInnerTexts();
    expect(headers.map((header) => header.replace(/[▲▼↕]/g, '').trim())).toHaveLength(4);

    // Breaks explained in words, and the chart summarised in a sentence.
    const main = page.locator('main');
    expect(await main.locator('.breaks-list').innerText()).toMatch(/Vlaams Gewest: Breuken in de reeks in [^:]*2021: de waarden voor en na elke breuk zijn niet volledig vergelijkbaar\./);
    expect(await page.locator('#series-chart-summary').innerText()).toContain('Vlaams Gewest steeg van 6,9% in 2000 naar 11,2% in 2023.');
    expect(await page.locator('#series-chart-title').innerText()).toBe('Deelname aan opleiding in de laatste 4 weken (25-64 jaar), Totaal, 2000–2023');

    // Only this indicator's own targets: the 15 % benchmark, never 47 % or 60 %.
    const targets = await page.locator('.target-list').innerText();
    expect(targets).toContain('15% in 2020 (referentiewaarde)');
    expect(targets).not.toMatch(/\b(47|60)\s?%/);
    const chartText = await page.locator('.series-figure svg.ind-plot').textContent();
    expect(chartText).toContain('15% in 2020');
    expect(chartText).not.toMatch(/47%|60%/);

    // Source, dataset code and downloads.
    expect(await main.locator('a[href*="trng_lfse_04"]').count()).toBeGreaterThan(0);
    expect(await main.locator('code', { hasText: 'trng_lfse_04' }).count()).toBe(1);
    const csv = await page.request.get('/api/v1/indicators/lfs-4w/export.csv');
    expect(csv.status()).toBe(200);
    expect(await main.locator('a[href="/api/v1/indicators/lfs-4w/export.jsonstat"]').count()).toBe(1);

    await expectNoAxeViolations(page, 'indicator page lfs-4w');
    expectNoCspErrors(tracked, 'indicator page lfs-4w');
    await tracked.context.close();
  });

  it('draws the 47 % and 60 % targets on the 12-month rate, with the trajectory and the gain it needs', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/indicators/lfs-12m');
    await waitForPage(page);
    await waitForChart(page, '.series-figure');
    const targets = await page.locator('.target-list').innerText();
    expect(targets).toContain('47% in 2025');
    expect(targets).toContain('60% in 2030');
    const chartText = await page.locator('.series-figure svg.ind-plot').textContent();
    expect(chartText).toContain('47% in 2025');
    expect(chartText).toContain('60% in 2030');
    const trajectory = await page.locator('.trajectory-list').innerText();
    expect(trajectory).toMatch(/Om 47% te halen in 2025, moet Vlaams Gewest vanaf \d+,\d% in \d{4} elk jaar \+\d+,\d procentpunt groeien\./);
    expect(trajectory).toMatch(/gemiddeld [+-]?\d+,\d procentpunt per jaar\./);
    await expectNoAxeViolations(page, 'indicator page lfs-12m');
    expectNoCspErrors(tracked, 'indicator page lfs-12m');
    await tracked.context.close();
  });

  it('keeps breakdown and regions in the URL, so a reload (or a shared link) shows the same view', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/indicators/lfs-4w');
    await waitForPage(page);
    await poll(() => cell(page, 2023, 'BE2').innerText()).toBe('11,2');

    await page.locator('#breakdown-sex').selectOption('F');
    await poll(() => search(page, 'sex')).toBe('F');
    await poll(() => cell(page, 2023, 'BE2').innerText()).toBe('11,8');
    expect(await page.locator('#series-chart-title').innerText()).toContain('Vrouwen');

    // Add France with the picker, remove Belgium with its button.
    const picker = page.getByLabel('Regio toevoegen');
    await picker.selectOption('FR');
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await poll(() => search(page, 'geo')).toBe('BE2,BE,EU27_2020,FR');
    await page.getByRole('button', { name: 'Belgique/België verwijderen' }).click();
    await poll(() => search(page, 'geo')).toBe('BE2,EU27_2020,FR');
    await poll(() => page.locator('table.series-table td[data-geo="FR"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table.series-table td[data-geo="BE"]').count()).toBe(0);

    await page.reload();
    await waitForPage(page);
    expect(await page.locator('#breakdown-sex').inputValue()).toBe('F');
    await poll(() => cell(page, 2023, 'BE2').innerText()).toBe('11,8');
    expect(await page.locator('table.series-table td[data-geo="FR"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table.series-table td[data-geo="BE"]').count()).toBe(0);
    await waitForChart(page, '.series-figure');
    expectNoCspErrors(tracked, 'indicator page with a chosen view');
    await tracked.context.close();
  });

  it('sorts the table with header buttons that say how it is sorted', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/indicators/lfs-4w');
    await waitForPage(page);
    await poll(() => cell(page, 2023, 'BE2').innerText()).toBe('11,2');
    const header = page.locator('table.series-table thead th', { hasText: 'Vlaams Gewest' });
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('table.series-table tbody tr').first().locator('th').innerText()).toBe('2023');
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('table.series-table tbody tr').first().locator('th').innerText()).toBe('2002'); // 6,7 %, the lowest
    await tracked.context.close();
  });

  it('can be used with the keyboard alone: tab to the breakdown selector and change it', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/indicators/lfs-4w');
    await waitForPage(page);
    await poll(() => cell(page, 2023, 'BE2').innerText()).toBe('11,2');
    let reached = false;
    for (let step = 0; step < 40 && !reached; step++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'breakdown-sex');
    }
    expect(reached, 'Tab reaches the breakdown selector').toBe(true);
    await page.keyboard.press('ArrowDown'); // Totaal → Vrouwen
    await poll(() => search(page, 'sex')).toBe('F');
    await poll(() => cell(page, 2023, 'BE2').innerText()).toBe('11,8');
    await tracked.context.close();
  });
});

describe('regional comparison', () => {
  it('ranks every NUTS 2 region with the Flemish provinces highlighted and the references marked', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/indicators/lfs-4w/ranking');
    await waitForPage(page);
    await waitForChart(page, '.ranking-figure');
    const rows = page.locator('table.ranking-table tbody tr');
    await poll(() => rows.count()).toBeGreaterThan(200);
    const home = page.locator('table.ranking-table tbody tr.ranking-row--home');
    expect(await home.count()).toBe(5);
    expect(await home.allInnerTexts()).toContainEqual(expect.stringContaining('Prov. Antwerpen'));
    expect(await home.first().innerText()).toContain('eigen regio');
    const references = await page.locator('table.reference-table').innerText();
    expect(references).toContain('Vlaams Gewest');
    expect(references).toContain('11,2');
    expect(await page.locator('table.reference-table tr[data-geo="EU27_2020"]').count()).toBe(1);
    expect(await page.locator('table.reference-table tr[data-geo="BE"]').count()).toBe(1);
    expect(await page.locator('#ranking-chart-summary').innerText()).toMatch(/^In 2023 hebben \d+ regio's een waarde\./);

    await expectNoAxeViolations(page, 'ranking page');
    expectNoCspErrors(tracked, 'ranking page');

    // Another year: in the URL, and the ranking follows.
    await page.locator('#ranking-year').selectOption('2020');
    await poll(() => search(page, 'year')).toBe('2020');
    await poll(() => page.locator('#ranking-chart-title').innerText()).toContain('2020');
    expectNoCspErrors(tracked, 'ranking page, 2020');
    await tracked.context.close();
  });
});
