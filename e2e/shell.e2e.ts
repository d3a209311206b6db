import type { Browser, ElementHandle, Page } from 'playwright-core';
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

const h1 = (page: Page) => page.locator('main h1').innerText();
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('home page and language switch', () => {
  it('renders in Dutch, French and English, and keeps the choice across reloads', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await page.goto('/');
    await waitForPage(page);
    expect(await h1(page)).toBe('Welkom bij Koers');
    expect(await htmlLang(page)).toBe('nl-BE');
    await expectNoAxeViolations(page, 'home (nl)');

    const switches = [
      { name: 'Français', lang: 'fr-BE', heading: 'Bienvenue sur Koers', stored: 'fr' },
      { name: 'English', lang: 'en', heading: 'Welcome to Koers', stored: 'en' },
      { name: 'Nederlands', lang: 'nl-BE', heading: 'Welkom bij Koers', stored: 'nl' },
    ];
    for (const target of switches) {
      const button = page.getByRole('button', { name: target.name });
      expect(await button.getAttribute('lang')).toBe(target.lang);
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => h1(page)).toBe(target.heading);
      expect(await htmlLang(page)).toBe(target.lang);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await page.title()).toContain('Koers');
      expect(await page.evaluate(() => localStorage.getItem('koers.lang'))).toBe(target.stored);
      if (target.stored !== 'nl') await expectNoAxeViolations(page, `home (${target.stored})`);

      await page.reload();
      await waitForPage(page);
      expect(await h1(page)).toBe(target.heading);
      expect(await htmlLang(page)).toBe(target.lang);
    }
    expectNoCspErrors(tracked, 'home');
    await tracked.context.close();
  });

  it('lists the modules from the portal, or says that they will appear', async () => {
    const { page, context } = await openPage(browser);
    const portal = (await (await page.request.get('/api/v1/portal')).json()) as { modules: { title: { nl: string } }[] };
    await page.goto('/');
    await waitForPage(page);
    const tiles = page.locator('.tile');
    expect(await tiles.count()).toBe(portal.modules.length);
    if (portal.modules.length === 0) {
      await expect.poll(() => page.locator('main').innerText()).toContain('Modules verschijnen hier');
    }
    for (const [index, module] of portal.modules.entries()) {
      expect(await tiles.nth(index).innerText()).toContain(module.title.nl);
    }
    expect(await page.locator('main a[href="/api/docs"]').count()).toBe(1);
    expect(await page.locator('main a[href="/sources"]').count()).toBe(1);
    await context.close();
  });
});

describe('keyboard use', () => {
  it('makes the skip link the first Tab stop, and it moves focus to main', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/');
    await waitForPage(page);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { className: el.className, text: el.textContent, visible: box.top >= 0 && box.height > 0 };
    });
    expect(first).toEqual({ className: 'skip-link', text: 'Naar de hoofdinhoud', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await context.close();
  });

  it('shows a visible focus indicator on every header control', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/');
    await waitForPage(page);
    const style = (el: ElementHandle) =>
      el.evaluate((node) => {
        const s = getComputedStyle(node as Element);
        return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, boxShadow: s.boxShadow, width: parseFloat(s.outlineWidth) };
      });

    await page.keyboard.press('Tab'); // skip link
    let checked = 0;
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      const el = (await page.evaluateHandle(() => document.activeElement)).asElement();
      if (!el || !(await el.evaluate((node) => !!node.closest('header')))) break;
      const focused = await style(el);
      await el.evaluate((node) => (node as HTMLElement).blur());
      const unfocused = await style(el);
      await el.evaluate((node) => (node as HTMLElement).focus());
      expect(focused.outline === unfocused.outline && focused.boxShadow === unfocused.boxShadow).toBe(false);
      expect(focused.width).toBeGreaterThanOrEqual(2);
      checked++;
    }
    // Brand link, three languages, sign-in link and the nav links.
    expect(checked).toBeGreaterThanOrEqual(7);
    await context.close();
  });

  it('moves focus to the new page heading and updates the title after navigation', async () => {
    const { page, context } = await openPage(browser);
    await page.goto('/');
    await waitForPage(page);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Bronnen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await h1(page)).toBe('Gegevensbronnen en licenties');
    expect(await page.title()).toBe('Gegevensbronnen en licenties · Koers');
    await context.close();
  });
});

describe('layout', () => {
  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const { page, context } = await openPage(browser, { width: 320 });
    for (const path of ['/', '/sources', '/accessibility', '/login']) {
      await page.goto(path);
      await waitForPage(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
