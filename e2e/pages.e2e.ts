import type { Browser } from 'playwright-core';
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

type Source = { name: string; synthetic: boolean };

describe('public pages', () => {
  const pages = [
    { path: '/', heading: 'Welkom bij Koers' },
    { path: '/sources', heading: 'Gegevensbronnen en licenties' },
    { path: '/accessibility', heading: 'Toegankelijkheidsverklaring' },
    { path: '/login', heading: 'Aanmelden' },
  ];

  for (const { path, heading } of pages) {
    it(`${path} has one h1, landmarks, no axe violations and no CSP errors`, async () => {
      const tracked = await openPage(browser);
      const { page } = tracked;
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await waitForPage(page);
      expect(await page.locator('h1').allInnerTexts()).toEqual([heading]);
      for (const selector of ['header', 'nav', 'main#main', 'footer']) {
        expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
      }
      expect(await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count()).toBe(0);
      await expectNoAxeViolations(page, path);
      expectNoCspErrors(tracked, path);
      await tracked.context.close();
    });
  }

  it('lists every data source with its licence, dates and a synthetic label where it applies', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const { items } = (await (await page.request.get('/api/v1/sources')).json()) as { items: Source[] };
    await page.goto('/sources');
    await waitForPage(page);
    const cards = page.locator('main article');
    expect(await cards.count()).toBe(items.length);
    for (const [index, source] of items.entries()) {
      const card = cards.nth(index);
      expect(await card.locator('h2').innerText()).toContain(source.name);
      expect(await card.getByText('Synthetisch', { exact: true }).count()).toBe(source.synthetic ? 1 : 0);
      for (const term of ['Uitgever', 'Website', 'Licentie', 'Naamsvermelding', 'Geldt vanaf', 'Opgehaald op']) {
        expect(await card.locator('dt', { hasText: term }).count(), `${source.name}: ${term}`).toBe(1);
      }
    }
    await tracked.context.close();
  });

  it('links the footer to sources, the accessibility statement and the API docs', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/accessibility');
    await waitForPage(page);
    const footer = page.locator('footer');
    for (const href of ['/sources', '/accessibility', '/api/docs']) {
      expect(await footer.locator(`a[href="${href}"]`).count(), href).toBe(1);
    }
    const docs = await page.request.get('/api/docs');
    expect(docs.status()).toBeLessThan(400);
    await context.close();
  });
});

describe('unknown paths', () => {
  it('answer HTTP 404 and show the not-found page', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    const response = await page.goto('/this-page-does-not-exist');
    expect(response?.status()).toBe(404);
    await waitForPage(page);
    expect(await page.locator('h1').innerText()).toBe('Pagina niet gevonden');
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Welkom bij Koers');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goBack();
    await waitForPage(page);
    await expectNoAxeViolations(page, '404 page');
    expectNoCspErrors(tracked, '404 page');
    await tracked.context.close();
  });
});
